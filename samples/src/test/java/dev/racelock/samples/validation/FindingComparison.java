package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.ConsequentRace;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.report.view.FindingWords;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares reported findings EXACTLY with a sample's expectations: each expected finding reported
 * once, by type, location or locks, and lines; no other finding.
 *
 * <ul>
 *   <li>A race matches an expected race when every access of every pair it lists names its
 *       subject and has a (kind, line) the sample marked for it, and, when the sample gives one,
 *       with its classification (the report's: its first pair's).</li>
 *   <li>A consequence (a race that can only follow another one) matches when one reported race
 *       lists it among the races that followed it, with every access naming its subject on a
 *       (kind, line) the sample marked for it; as a finding of its own it is unexpected.</li>
 *   <li>A deadlock matches the expected cycle when every acquisition is on a line marked for the
 *       lock it took, and the cycle contains exactly the expected locks (no lock of the cycle
 *       left out, no other lock in it).</li>
 *   <li>An observed deadlock matches on lines only: the watchdog sees JVM monitors, which it can
 *       name by class at best, so the lines where the threads block are the evidence.</li>
 * </ul>
 */
final class FindingComparison {

    private FindingComparison() {}

    static Comparison compare(SampleSource sample, List<Finding> findings) {
        SubjectMatcher matcher = new SubjectMatcher(sample);
        Map<ExpectedFinding, Integer> matched = new IdentityHashMap<>();
        List<Finding> unexpected = new ArrayList<>();
        for (Finding f : findings) {
            List<ExpectedFinding> candidates = sample.expected().stream().filter(e -> matches(matcher, e, f)).toList();
            if (candidates.isEmpty()) {
                unexpected.add(f);
                continue;
            }
            // Two expectations can fit one finding only when their lines overlap; prefer one still unmatched.
            ExpectedFinding hit = candidates.stream().filter(e -> !matched.containsKey(e)).findFirst().orElse(candidates.get(0));
            matched.merge(hit, 1, Integer::sum);
        }
        for (ExpectedFinding e : sample.expected()) {
            if (e instanceof ExpectedFinding.Race race && race.consequence()) {
                int listed = (int) findings.stream().filter(f -> listsConsequence(matcher, race, f)).count();
                if (listed > 0) {
                    matched.put(e, listed);
                }
            }
        }
        List<ExpectedFinding> missing = new ArrayList<>();
        List<ExpectedFinding> duplicated = new ArrayList<>();
        for (ExpectedFinding e : sample.expected()) {
            int n = matched.getOrDefault(e, 0);
            if (n == 0) {
                missing.add(e);
            } else if (n > 1) {
                duplicated.add(e);
            }
        }
        return new Comparison(missing, unexpected, duplicated);
    }

    private static boolean matches(SubjectMatcher matcher, ExpectedFinding expected, Finding f) {
        if (expected instanceof ExpectedFinding.Race race) {
            return race.reportedAs(f.type()) && matchesRace(matcher, race, f);
        }
        if (expected.type() != f.type()) {
            return false;
        }
        return matchesCycle(matcher, (ExpectedFinding.Cycle) expected, f);
    }

    private static boolean matchesRace(SubjectMatcher matcher, ExpectedFinding.Race race, Finding f) {
        String classification = f.classification() == null ? null : f.classification().id();
        if (f.pairs().isEmpty() || race.classification() != null && !race.classification().equals(classification)) {
            return false;
        }
        for (Access a : f.accesses()) {
            int line = matcher.lineInSample(a.site(), a.stack());
            if (!matcher.matches(race.subject(), FindingWords.accessedLocation(f.location(), a))
                    || !race.allowed().contains(new ExpectedFinding.Access(a.kind(), line))) {
                return false;
            }
        }
        return true;
    }

    /** Whether race finding {@code f} lists, among the races that followed it, the expected consequence. */
    private static boolean listsConsequence(SubjectMatcher matcher, ExpectedFinding.Race race, Finding f) {
        for (RacePair p : f.pairs()) {
            for (ConsequentRace c : p.followedBy()) {
                if (List.of(c.earlier(), c.later()).stream().allMatch(a ->
                        matcher.matches(race.subject(), FindingWords.accessedLocation(c.location(), a))
                        && race.allowed().contains(new ExpectedFinding.Access(a.kind(), matcher.lineInSample(a.site(), a.stack()))))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesCycle(SubjectMatcher matcher, ExpectedFinding.Cycle cycle, Finding f) {
        if (f.cycle().isEmpty()) {
            return false;
        }
        boolean observed = f.type() == FindingType.OBSERVED_DEADLOCK;
        for (LockAcquisition acq : f.cycle()) {
            int line = matcher.lineInSample(acq.acquiredAt(), acq.stack());
            boolean stepFound = cycle.steps().stream().anyMatch(step -> step.line() == line
                    && (observed || step.subjects().stream().anyMatch(s -> matcher.matches(s, FindingWords.lock(acq.lock())))));
            if (!stepFound) {
                return false;
            }
        }
        if (observed) {
            return true;
        }
        // The cycle must be made of exactly the expected locks: each expected lock taken somewhere in it.
        return cycle.locks().stream().allMatch(s -> f.cycle().stream().anyMatch(acq -> matcher.matches(s, FindingWords.lock(acq.lock()))));
    }
}
