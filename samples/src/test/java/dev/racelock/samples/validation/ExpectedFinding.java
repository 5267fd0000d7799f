package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.FindingType;

import java.util.List;
import java.util.Set;

/** One finding a sample's comments promise; the harness requires exactly one reported finding per expectation. */
public sealed interface ExpectedFinding {

    FindingType type();

    /**
     * Short form for the result table, e.g. {@code race LostUpdate.hits (read/write:16)}: "/" rather
     * than the grammar's "|", which would read as a column separator of the table.
     */
    String describe();

    /**
     * A data race on one location: every {@code // expect race(kind, subject)} line naming the
     * same subject. A reported race matches when both of its accesses are on these lines with a
     * kind allowed there: the lines list every access that may be reported, not all of them must be.
     *
     * @param subject        the location as written in the comment, e.g. {@code LostUpdate.hits} or {@code Buffer.slots[]}
     * @param allowed        the (kind, line) pairs an access of the race may have
     * @param classification the classification the report must give ({@code lost-update}, ...), or null for any
     * @param predicted      a race the run's lock order may hide: reported as a {@code predicted-race}
     *                       when it did, as a {@code data-race} when the run showed it
     * @param consequence    a race that can only follow another one: not a finding of its own, but
     *                       listed under the race it follows (RacePair.followedBy)
     */
    record Race(String subject, Set<Access> allowed, String classification, boolean predicted, boolean consequence)
            implements ExpectedFinding {
        public Race {
            allowed = Set.copyOf(allowed);
        }

        Race(String subject, Set<Access> allowed, String classification, boolean predicted) {
            this(subject, allowed, classification, predicted, false);
        }

        Race(String subject, Set<Access> allowed, String classification) {
            this(subject, allowed, classification, false);
        }

        Race(String subject, Set<Access> allowed) {
            this(subject, allowed, null);
        }

        @Override
        public FindingType type() {
            return predicted ? FindingType.PREDICTED_RACE : FindingType.DATA_RACE;
        }

        /** Whether a finding of this type can be this race. */
        boolean reportedAs(FindingType type) {
            return !consequence && type == FindingType.DATA_RACE || predicted && type == FindingType.PREDICTED_RACE;
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder(predicted ? "predicted race " : consequence ? "consequence " : "race ").append(subject).append(" (");
            allowed.stream().mapToInt(Access::line).distinct().sorted().forEach(line -> {
                if (sb.charAt(sb.length() - 1) != '(') {
                    sb.append(", ");
                }
                sb.append(kindsAt(line)).append(':').append(line);
            });
            sb.append(')');
            return classification == null ? sb.toString() : sb.append(" [").append(classification).append(']').toString();
        }

        private String kindsAt(int line) {
            boolean read = allowed.contains(new Access(AccessKind.READ, line));
            boolean write = allowed.contains(new Access(AccessKind.WRITE, line));
            return read && write ? "read/write" : read ? "read" : "write";
        }
    }

    /** One (kind, line) an access of an expected race may have. */
    record Access(AccessKind kind, int line) {}

    /**
     * A lock cycle, potential ({@code deadlock}), predicted ({@code predicted-deadlock}) or
     * observed ({@code observed-deadlock}): every
     * line of the sample marked with that kind, each naming the lock(s) acquired there.
     */
    record Cycle(FindingType type, List<Step> steps) implements ExpectedFinding {
        public Cycle {
            steps = List.copyOf(steps);
        }

        /** Every lock the cycle must contain: the union of the steps' subjects. */
        public Set<String> locks() {
            return steps.stream().flatMap(s -> s.subjects().stream())
                    .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
        }

        @Override
        public String describe() {
            return type.id() + " {" + String.join(", ", locks()) + "} ("
                    + String.join(", ", steps.stream().map(s -> String.valueOf(s.line())).toList()) + ")";
        }
    }

    /** A line where a lock of a cycle is acquired (or, for an observed deadlock, waited for): one of {@code subjects}. */
    record Step(int line, List<String> subjects) {
        public Step {
            subjects = List.copyOf(subjects);
        }
    }
}
