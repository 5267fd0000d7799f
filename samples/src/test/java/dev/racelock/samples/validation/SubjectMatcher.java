package dev.racelock.samples.validation;

import dev.racelock.analyzer.finding.SourceSite;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a location or lock named in a report is the one a sample's comment names, and
 * where in the sample a reported site is. Reports name a field {@code Counter.hits} (perhaps
 * package-qualified, perhaps with {@code $} for nested classes) and an object by its allocation
 * site ({@code int[] allocated at Buffer.java:9}); both spellings are accepted, and nothing looser.
 */
final class SubjectMatcher {

    private final SampleSource sample;
    /** Per subject: its allocation line and every line marked for it (see {@link #matches}). */
    private final Map<String, Set<Integer>> siteLines = new HashMap<>();

    SubjectMatcher(SampleSource sample) {
        this.sample = sample;
        sample.allocationLines().forEach((subject, line) -> lines(subject).add(line));
        for (ExpectedFinding e : sample.expected()) {
            if (e instanceof ExpectedFinding.Race r) {
                r.allowed().forEach(a -> lines(r.subject()).add(a.line()));
            } else if (e instanceof ExpectedFinding.Cycle c) {
                c.steps().forEach(step -> step.subjects().forEach(s -> lines(s).add(step.line())));
            }
        }
    }

    private Set<Integer> lines(String subject) {
        return siteLines.computeIfAbsent(subject, k -> new HashSet<>());
    }

    /**
     * A field subject matches the field's name. An object (lock, array) may also be named by a
     * site: its allocation line, or, because the trace gives the site where an object was first
     * seen when its allocation was not recorded ({@code ObjectInfo.allocationSite}), any line
     * marked for that subject (the first acquisition of a lock, the first access of an array).
     *
     * @param subject as written in the sample, e.g. {@code Config.port}, {@code Buffer.slots[]}, {@code alice}
     * @param named   a finding's location or lock, e.g. {@code dev.acme.Outer$Config.port}
     */
    boolean matches(String subject, String named) {
        if (named == null) {
            return false;
        }
        String text = named.replace('$', '.');
        String bare = subject.endsWith("[]") ? subject.substring(0, subject.length() - 2) : subject;
        if (bare.indexOf('.') > 0 && containsWord(text, bare)) {
            return true;
        }
        return siteLines.getOrDefault(subject, Set.of()).stream()
                .anyMatch(line -> containsWord(text, sample.fileName() + ":" + line));
    }

    /**
     * The line in this sample a reported site stands for: the site's own line when it is in the
     * sample's file, else the innermost frame of {@code stack} that is (an acquisition attributed
     * to a library frame or to an unknown line, for instance). -1 when nothing is in the sample.
     */
    int lineInSample(SourceSite site, List<SourceSite> stack) {
        if (inSample(site) && site.line() >= 0) {
            return site.line();
        }
        for (SourceSite frame : stack) {
            if (inSample(frame) && frame.line() >= 0) {
                return frame.line();
            }
        }
        return -1;
    }

    private boolean inSample(SourceSite site) {
        if (site == null) {
            return false;
        }
        if (site.file() != null) {
            return site.file().equals(sample.fileName());
        }
        String cls = site.className();
        return cls != null && (cls.equals(sample.className()) || cls.startsWith(sample.className() + "$"));
    }

    /** {@code word} occurs in {@code text} with no identifier character or digit glued to either end. */
    private static boolean containsWord(String text, String word) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            int end = i + word.length();
            boolean startOk = i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1));
            boolean endOk = end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }
}
