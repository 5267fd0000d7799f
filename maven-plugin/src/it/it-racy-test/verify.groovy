def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/racelock')

assert log =~ /\[ERROR\] racelock: DATA RACE on Counter\.hits at com\.example\.counter\.Counter\.hit\(Counter\.java:8\)/
assert log.contains('racelock: 1 finding fails the build')
['racelock.txt', 'racelock.json', 'racelock.sarif', 'TEST-racelock.xml', 'racelock.html'].each {
    assert new File(reports, it).isFile() : "report $it"
}
assert new File(reports, 'racelock.txt').text.contains('Counter.hits')
