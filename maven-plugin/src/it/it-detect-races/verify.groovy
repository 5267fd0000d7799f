def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/surefire-reports')
def racy = new File(reports, 'TEST-com.example.counter.RacyCounterTest.xml').text
def clean = new File(reports, 'TEST-com.example.counter.CleanCounterTest.xml').text

assert log.contains('racelock: attached the agent to this test JVM')
assert log =~ /Tests run: 1, Failures: 1, Errors: 0, Skipped: 0.* in com\.example\.counter\.RacyCounterTest/
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0.* in com\.example\.counter\.CleanCounterTest/
assert racy.contains('DATA RACE on Counter.hits')
assert racy.contains('During test com.example.counter.RacyCounterTest.countsFromTwoThreads')
assert !clean.contains('<failure')
