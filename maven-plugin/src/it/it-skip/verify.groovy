def log = new File(basedir, 'build.log').text
assert log.contains('racelock: skipped (racelock.skip); the test JVMs run without the agent')
assert log.contains('racelock: skipped (racelock.skip)')
assert log.contains('Tests run: 1, Failures: 0')
assert !new File(basedir, 'target/racelock').exists()
