def log = new File(basedir, 'build.log').text
def traces = { module -> new File(basedir, module + '/target/racelock').listFiles().findAll { it.name.endsWith('.rlt') } }

assert traces('core').size() == 2 : 'one trace per forked JVM'
assert traces('app').size() == 1
assert new File(basedir, 'core/target/racelock/racelock.txt').text.contains('Counter.hits')
def app = new File(basedir, 'app/target/racelock/racelock.txt').text
assert app.contains('Tally.published')
def aggregate = new File(basedir, 'target/racelock/aggregate/racelock.txt').text
assert aggregate.contains('Counter.hits') && aggregate.contains('Tally.published')
assert new File(basedir, 'target/racelock/aggregate/TEST-racelock.xml').isFile()
assert log.contains('racelock: aggregate of 3 projects')
assert log.contains('(haltOnFailure is false: the build goes on)')
