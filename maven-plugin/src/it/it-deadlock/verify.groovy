def log = new File(basedir, 'build.log').text
assert log.contains('racelock: deadlock observed between threads')
assert log.contains('exit code 86')
assert log.contains('TransferTest')
assert new File(basedir, 'target/racelock').listFiles().any { it.name.endsWith('.rlt') }
