def log = new File(basedir, 'build.log').text
def baseline = new File(basedir, 'racelock-baseline.json').text
assert baseline.contains('"DATA RACE on Counter.hits"')
assert !baseline.contains('Gauge')
assert log =~ /\[ERROR\] racelock: DATA RACE on Gauge\.level/
assert !(log =~ /\[ERROR\] racelock: DATA RACE on Counter\.hits/)
assert log =~ /\[INFO\] racelock: DATA RACE on Counter\.hits .* \(accepted by the baseline or failOn\)/
assert log.contains('racelock: 1 finding fails the build')
