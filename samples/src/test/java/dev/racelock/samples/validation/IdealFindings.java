package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.Finding;
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
        for (ExpectedFinding e : sample.expected()) {
            if (e instanceof ExpectedFinding.Race r) {
                List<ExpectedFinding.Access> allowed = r.allowed().stream()
                        .sorted(Comparator.comparing(ExpectedFinding.Access::line).thenComparing(ExpectedFinding.Access::kind)).toList();
                ExpectedFinding.Access write = allowed.stream().filter(a -> a.kind() == AccessKind.WRITE).findFirst().orElseThrow();
                ExpectedFinding.Access other = allowed.stream().filter(a -> a.line() != write.line()).findFirst()
                        .orElse(allowed.stream().filter(a -> !a.equals(write)).findFirst().orElse(write));
                String location = name(sample, r.subject(), "element of int[]");
                findings.add(canned.race(canned.access(write.kind(), location, write.line()),
                        canned.access(other.kind(), location, other.line()), r.classification()));
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
        return findings;
    }

    private static String name(SampleSource sample, String subject, String kindOfObject) {
        Integer line = sample.allocationLines().get(subject);
        return line == null ? subject : kindOfObject + " allocated at " + sample.fileName() + ":" + line;
    }
}
