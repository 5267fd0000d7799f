def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/racelock')

assert log =~ /\[ERROR\] racelock: DATA RACE on Counter\.hits at com\.example\.counter\.Counter\.hit\(Counter\.java:8\) during test com\.example\.counter\.RacyCounterTest\.countsFromTwoThreads /
assert log.contains('racelock: 1 finding fails the build')
assert !log.readLines().any { it.contains('racelock:') && it.contains('CleanCounterTest') } : 'the clean test is never blamed'
['racelock.txt', 'racelock.json', 'racelock.sarif', 'TEST-racelock.xml', 'racelock.html'].each {
    assert new File(reports, it).isFile() : "report $it"
}
assert new File(reports, 'racelock.txt').text.contains('During test com.example.counter.RacyCounterTest.countsFromTwoThreads')
assert new File(reports, 'TEST-racelock.xml').text.contains(
        '<testcase classname="com.example.counter.RacyCounterTest" name="countsFromTwoThreads()"')
