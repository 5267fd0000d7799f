package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.FindingType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the expected findings a sample states in trailing line comments, JaCoCo's habit of keeping
 * a validation program and its truth side by side. Grammar (also in docs/samples.md):
 *
 * <pre>
 * directive := "//" "expect" ("none" | clause (";" clause)*)
 *            | "//" "requires" capability ("," capability)*
 *            | "//" "alloc" name
 * clause    := "race(" kind ("|" kind)* "," subject ["," classification] ")"      kind := "read" | "write"
 *            | "predicted-race(" kind ("|" kind)* "," subject ")"
 *            | "consequence(" kind ("|" kind)* "," subject ")"
 *            | "deadlock(" subject ("|" subject)* ")"
 *            | "predicted-deadlock(" subject ("|" subject)* ")"
 *            | "observed-deadlock(" subject ("|" subject)* ")"
 * </pre>
 *
 * <ul>
 *   <li>{@code race(kind, subject)} marks an access of a data race on {@code subject} at this line;
 *       all lines naming one subject form one expected race, which must be reported exactly once,
 *       with both accesses on marked lines of a marked kind ({@code read|write} for {@code x++}).
 *       An optional third argument ({@code lost-update}, {@code check-then-act},
 *       {@code unsafe-publication}, {@code torn-long}) is the classification the report must give;
 *       without it any classification is accepted.</li>
 *   <li>{@code predicted-race(kind, subject)} marks an access of a race that this run's lock order
 *       may hide: the sample is analyzed with {@code --analysis predictive}, and the race must be
 *       reported once, as a {@code predicted-race} when the lock order hid it or as a
 *       {@code data-race} when the run showed it (which one depends on the schedule).</li>
 *   <li>{@code consequence(kind, subject)} marks an access of a race that can only happen after
 *       another race of the sample (a racy read saw a write, and that orders it: docs/analyses.md,
 *       "Races that follow a race"): it must be listed once under a reported race, as a race that
 *       followed it, and not be reported as a finding of its own.</li>
 *   <li>{@code deadlock(subject)} marks an acquisition of a lock of the sample's lock-order cycle
 *       (all such lines form one cycle: one potential deadlock per sample); alternatives
 *       {@code a|b} for a line that takes either lock (a synchronized method called on two
 *       objects). {@code predicted-deadlock(subject)} does the same for a cycle that a reordering
 *       of the run deadlocks: the sample is analyzed with {@code --analysis predictive}, and the
 *       cycle must be a {@code predicted-deadlock}. {@code observed-deadlock(subject)} marks where
 *       a thread blocks in a real deadlock.</li>
 *   <li>A subject is {@code Class.field} (simple class name, nested classes by their own simple
 *       name), {@code Class.field[]} for the elements of the array a field holds, or a name
 *       introduced by {@code // alloc name} on the line allocating an object (a lock held in a
 *       local variable). A lock {@code Class.field} or array {@code Class.field[]} also names the
 *       object allocated on the one line that assigns {@code field = new ...}, because reports
 *       may name a lock or an array by its allocation site.</li>
 *   <li>{@code requires} names {@link Capability capabilities} the sample needs; anywhere in the file.</li>
 *   <li>{@code expect none}, or no expectation at all, promises zero findings (correct twins).</li>
 * </ul>
 */
public final class ExpectationParser {

    private static final Pattern DIRECTIVE = Pattern.compile("//\\s*(expect|requires|alloc)\\s+(.*?)\\s*$");
    private static final Pattern CLAUSE = Pattern.compile("(race|predicted-race|consequence|deadlock|predicted-deadlock|observed-deadlock)\\s*\\(([^()]*)\\)");
    private static final Pattern CLASSIFICATION = Pattern.compile("[a-z]+(-[a-z]+)*");
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*(\\[])?");

    private final String fileName;
    private final List<String> lines;

    private final Set<Capability> requires = EnumSet.noneOf(Capability.class);
    private final Map<String, Set<ExpectedFinding.Access>> racesBySubject = new LinkedHashMap<>();
    private final Map<String, String> classificationBySubject = new LinkedHashMap<>();
    private final Set<String> predictedSubjects = new LinkedHashSet<>();
    private final Set<String> consequenceSubjects = new LinkedHashSet<>();
    private final List<ExpectedFinding.Step> deadlockSteps = new ArrayList<>();
    private final List<ExpectedFinding.Step> predictedSteps = new ArrayList<>();
    private final List<ExpectedFinding.Step> observedSteps = new ArrayList<>();
    private final Map<String, Integer> explicitAllocations = new LinkedHashMap<>();
    private int expectNoneLine = -1;
    private int firstExpectationLine = -1;

    private ExpectationParser(String fileName, List<String> lines) {
        this.fileName = fileName;
        this.lines = lines;
    }

    /**
     * @param className binary name of the sample's class
     * @param fileName  its source file name, e.g. {@code LostUpdate.java}
     * @param lines     the source, one string per line (line 1 first)
     * @throws ExpectationSyntaxException a directive is malformed or contradicts another
     */
    public static SampleSource parse(String className, String fileName, List<String> lines) {
        return new ExpectationParser(fileName, List.copyOf(lines)).parse(className);
    }

    private SampleSource parse(String className) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = DIRECTIVE.matcher(lines.get(i));
            if (m.find()) {
                directive(i + 1, m.group(1), m.group(2));
            }
        }
        if (expectNoneLine > 0 && firstExpectationLine > 0) {
            throw new ExpectationSyntaxException(fileName, expectNoneLine,
                    "'expect none' contradicts the expectation on line " + firstExpectationLine);
        }
        List<ExpectedFinding> expected = new ArrayList<>();
        racesBySubject.forEach((subject, allowed) ->
                expected.add(new ExpectedFinding.Race(subject, allowed, classificationBySubject.get(subject),
                        predictedSubjects.contains(subject), consequenceSubjects.contains(subject))));
        if (!deadlockSteps.isEmpty()) {
            expected.add(new ExpectedFinding.Cycle(FindingType.DEADLOCK, deadlockSteps));
        }
        if (!predictedSteps.isEmpty()) {
            expected.add(new ExpectedFinding.Cycle(FindingType.PREDICTED_DEADLOCK, predictedSteps));
        }
        if (!observedSteps.isEmpty()) {
            expected.add(new ExpectedFinding.Cycle(FindingType.OBSERVED_DEADLOCK, observedSteps));
        }
        return new SampleSource(className, fileName, requires, expected, allocationLines(expected));
    }

    private void directive(int line, String keyword, String body) {
        switch (keyword) {
            case "requires" -> {
                for (String id : body.split("[,\\s]+")) {
                    Capability c = Capability.fromId(id);
                    if (c == null) {
                        throw new ExpectationSyntaxException(fileName, line, "unknown capability '" + id
                                + "' (known: " + String.join(", ", EnumSet.allOf(Capability.class).stream().map(Capability::id).toList()) + ")");
                    }
                    requires.add(c);
                }
            }
            case "alloc" -> {
                if (!SUBJECT.matcher(body).matches()) {
                    throw new ExpectationSyntaxException(fileName, line, "'alloc' needs one name, got '" + body + "'");
                }
                Integer previous = explicitAllocations.put(body, line);
                if (previous != null) {
                    throw new ExpectationSyntaxException(fileName, line, "'" + body + "' is already allocated on line " + previous);
                }
            }
            default -> expectation(line, body);
        }
    }

    private void expectation(int line, String body) {
        if (body.equals("none")) {
            expectNoneLine = line;
            return;
        }
        if (firstExpectationLine < 0) {
            firstExpectationLine = line;
        }
        for (String clause : body.split(";")) {
            Matcher m = CLAUSE.matcher(clause.trim());
            if (!m.matches()) {
                throw new ExpectationSyntaxException(fileName, line, "cannot read '" + clause.trim()
                        + "': expected race(kind, subject), predicted-race(kind, subject), consequence(kind, subject),"
                        + " deadlock(subject),"
                        + " predicted-deadlock(subject) or observed-deadlock(subject)");
            }
            String args = m.group(2).trim();
            switch (m.group(1)) {
                case "race" -> race(line, args);
                case "predicted-race" -> {
                    if (args.split(",").length != 2) {
                        throw new ExpectationSyntaxException(fileName, line, "predicted-race needs (kind, subject), got ("
                                + args + ")");
                    }
                    race(line, args);
                    predictedSubjects.add(subject(line, args.split(",")[1].trim()));
                    requires.add(Capability.PREDICTIVE);
                }
                case "consequence" -> {
                    if (args.split(",").length != 2) {
                        throw new ExpectationSyntaxException(fileName, line, "consequence needs (kind, subject), got ("
                                + args + ")");
                    }
                    race(line, args);
                    consequenceSubjects.add(subject(line, args.split(",")[1].trim()));
                }
                case "deadlock" -> deadlockSteps.add(new ExpectedFinding.Step(line, subjects(line, args)));
                case "predicted-deadlock" -> {
                    predictedSteps.add(new ExpectedFinding.Step(line, subjects(line, args)));
                    requires.add(Capability.PREDICTIVE);
                }
                default -> observedSteps.add(new ExpectedFinding.Step(line, subjects(line, args)));
            }
        }
    }

    private void race(int line, String args) {
        String[] parts = args.split(",");
        if (parts.length < 2 || parts.length > 3) {
            throw new ExpectationSyntaxException(fileName, line, "race needs (kind, subject) or (kind, subject, classification), got (" + args + ")");
        }
        String subject = subject(line, parts[1].trim());
        Set<ExpectedFinding.Access> allowed = racesBySubject.computeIfAbsent(subject, s -> new LinkedHashSet<>());
        for (String kind : parts[0].split("\\|")) {
            allowed.add(new ExpectedFinding.Access(kind(line, kind.trim()), line));
        }
        if (parts.length == 3) {
            String classification = parts[2].trim();
            if (!CLASSIFICATION.matcher(classification).matches()) {
                throw new ExpectationSyntaxException(fileName, line, "'" + classification + "' is not a classification (e.g. lost-update)");
            }
            String previous = classificationBySubject.putIfAbsent(subject, classification);
            if (previous != null && !previous.equals(classification)) {
                throw new ExpectationSyntaxException(fileName, line, "the race on " + subject + " is already classified " + previous);
            }
        }
    }

    private AccessKind kind(int line, String word) {
        for (AccessKind k : AccessKind.values()) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        throw new ExpectationSyntaxException(fileName, line, "unknown access kind '" + word + "' (read or write)");
    }

    private List<String> subjects(int line, String args) {
        List<String> subjects = new ArrayList<>();
        for (String s : args.split("\\|")) {
            subjects.add(subject(line, s.trim()));
        }
        return subjects;
    }

    private String subject(int line, String s) {
        if (!SUBJECT.matcher(s).matches()) {
            throw new ExpectationSyntaxException(fileName, line, "'" + s + "' is not a subject (Class.field, Class.field[] or an alloc name)");
        }
        return s;
    }

    /**
     * Explicit {@code // alloc} names, plus, for each lock subject {@code Class.field} and array
     * subject {@code Class.field[]}, the one line that assigns {@code field = new}: reports may
     * name a lock or an array by where it was allocated ({@code Object allocated at Transfer.java:9}).
     * A plain field's race is always named by the field, so its subject gets no allocation line.
     */
    private Map<String, Integer> allocationLines(List<ExpectedFinding> expected) {
        Map<String, Integer> result = new LinkedHashMap<>(explicitAllocations);
        Set<String> subjects = new LinkedHashSet<>();
        for (ExpectedFinding e : expected) {
            if (e instanceof ExpectedFinding.Race r && r.subject().endsWith("[]")) {
                subjects.add(r.subject());
            } else if (e instanceof ExpectedFinding.Cycle c) {
                subjects.addAll(c.locks());
            }
        }
        for (String subject : subjects) {
            if (result.containsKey(subject) || subject.indexOf('.') < 0) {
                continue;
            }
            String field = subject.substring(subject.lastIndexOf('.') + 1).replace("[]", "");
            Pattern assignsNew = Pattern.compile("(^|[^\\w$.])" + Pattern.quote(field) + "\\s*=\\s*new\\b");
            int found = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (assignsNew.matcher(lines.get(i)).find()) {
                    found = found == -1 ? i + 1 : -2;
                }
            }
            if (found > 0) {
                result.put(subject, found);
            }
        }
        return result;
    }
}
