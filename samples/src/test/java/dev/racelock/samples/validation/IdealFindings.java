package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.ConsequentRace;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.LockAcquisition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The findings a perfect analyzer would report for a sample, derived from its expectations: one
 * race per expected race (a marked write against another marked access), one cycle taking each
 * expected lock on a line marked for it. Locks and arrays are named by allocation site, as a
 * report may name them, so the test also proves every such subject resolves to its allocation.
 */
final class IdealFindings {

    private IdealFindings() {}

    static List<Finding> of(SampleSource sample) {
        CannedFindings canned = new CannedFindings(sample.className(), sample.fileName());
        List<Finding> findings = new ArrayList<>();
        List<ConsequentRace> consequences = new ArrayList<>();
        for (ExpectedFinding e : sample.expected()) {
            if (e instanceof ExpectedFinding.Race r && r.consequence()) {
                consequences.add(consequence(sample, canned, r));
            } else if (e instanceof ExpectedFinding.Race r) {
                findings.add(race(sample, canned, r));
            } else if (e instanceof ExpectedFinding.Cycle c) {
                List<LockAcquisition> acquisitions = new ArrayList<>();
                if (c.type() == FindingType.OBSERVED_DEADLOCK) {
                    c.steps().forEach(step -> acquisitions.add(canned.acquisition("java.lang.Object", step.line())));
                } else {
                    for (String lock : c.locks()) {
                        int line = c.steps().stream().filter(step -> step.subjects().contains(lock)).findFirst().orElseThrow().line();
                        acquisitions.add(canned.acquisition(name(sample, lock, "Object"), line));
                    }
                }
                findings.add(canned.cycle(c.type(), acquisitions));
            }
        }
        if (!consequences.isEmpty()) {
            // listed under the sample's first race, the one they follow
            int first = findings.indexOf(findings.stream().filter(f -> !f.pairs().isEmpty()).findFirst().orElseThrow());
            Finding race = findings.get(first);
            RacePair p = race.primaryPair();
            findings.set(first, Finding.race(race.type(), race.fingerprint(), race.location(), List.of(new RacePair(
                    p.earlier(), p.later(), p.classification(), p.startRelation(), p.occurrences(), null, consequences))));
        }
        return findings;
    }

    /** A race between its first marked write and another marked access. */
    private static Finding race(SampleSource sample, CannedFindings canned, ExpectedFinding.Race r) {
        List<ExpectedFinding.Access> allowed = r.allowed().stream()
                .sorted(Comparator.comparing(ExpectedFinding.Access::line).thenComparing(ExpectedFinding.Access::kind)).toList();
        ExpectedFinding.Access write = allowed.stream().filter(a -> a.kind() == AccessKind.WRITE).findFirst().orElseThrow();
        ExpectedFinding.Access other = allowed.stream().filter(a -> a.line() != write.line()).findFirst()
                .orElse(allowed.stream().filter(a -> !a.equals(write)).findFirst().orElse(write));
        String location = name(sample, r.subject(), "element of int[]");
        return canned.race(canned.access(write.kind(), location, write.line()),
                canned.access(other.kind(), location, other.line()), r.classification());
    }

    /** A consequence as the race that follows lists it: its write, then its other access. */
    private static ConsequentRace consequence(SampleSource sample, CannedFindings canned, ExpectedFinding.Race r) {
        Finding alone = race(sample, canned, r);
        RacePair p = alone.primaryPair();
        return new ConsequentRace(alone.location(), p.earlier(), p.later(), 1);
    }

    private static String name(SampleSource sample, String subject, String kindOfObject) {
        Integer line = sample.allocationLines().get(subject);
        return line == null ? subject : kindOfObject + " allocated at " + sample.fileName() + ":" + line;
    }
}
