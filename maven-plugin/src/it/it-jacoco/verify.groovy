def log = new File(basedir, 'build.log').text
def argLine = log.readLines().find { it.contains('argLine set to -javaagent:') && it.contains('jacoco') }
assert argLine != null : 'JaCoCo prepends its agent to the argLine racelock set'
assert argLine.contains('racelock-agent.jar')
assert new File(basedir, 'target/jacoco.exec').length() > 0 : 'JaCoCo recorded coverage'
assert log.contains('racelock: no findings in 1 trace')
