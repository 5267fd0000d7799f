def log = new File(basedir, 'build.log').text
assert log.contains('racelock: no findings in 1 trace')
assert !log.contains('[ERROR]')
assert new File(basedir, 'target/racelock/racelock.html').isFile()
