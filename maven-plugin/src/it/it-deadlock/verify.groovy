def log = new File(basedir, 'build.log').text
assert log.contains('racelock: deadlock observed between threads "a-to-b" "b-to-a" during test com.example.bank.TransferTest.transfersBothWaysAtOnce()')
assert log.contains('exit code 86')
assert log.contains('TransferTest')
assert new File(basedir, 'target/racelock').listFiles().any { it.name.endsWith('.rlt') }
