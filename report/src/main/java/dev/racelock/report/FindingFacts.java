package dev.racelock.report;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.HeldLock;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.ThreadRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The phrases every format derives from a finding in the same words, so the text, HTML, JUnit
 * and SARIF renderings of one bug read alike (headings in the style of Go's race detector).
 */
public final class FindingFacts {

    private FindingFacts() {}

    /**
     * The accesses of a race in the order reports show them: the later (current) access first,
     * then the earlier one it conflicts with, as Go's race detector does.
     */
    public static List<Access> accessesLatestFirst(Finding finding) {
        List<Access> list = new ArrayList<>(finding.accesses());
        java.util.Collections.reverse(list);
        return list;
    }

    /** {@code Write by thread "worker-2"} or, for the earlier access, {@code Previous read by thread "worker-1"}. */
    public static String accessHeading(Access access, boolean previous) {
        String kind = access.kind() == null ? "access" : access.kind().word();
        String head = previous ? "Previous " + kind : capitalize(kind);
        return head + " by thread " + threadName(access.thread());
    }

    /** {@code "worker-1"}, quoted as Go quotes goroutine names. */
    public static String threadName(ThreadRef thread) {
        if (thread == null) {
            return "\"?\"";
        }
        return "\"" + (thread.name() == null ? "#" + thread.id() : thread.name()) + "\"";
    }

    /** A Java-stack-trace frame: {@code com.acme.Counter.increment(Counter.java:12)}. */
    public static String frame(SourceSite site) {
        if (site == null) {
            return "(unknown location)";
        }
        return site.qualifiedMethod() + "(" + fileAndLine(site) + ")";
    }

    /** {@code Counter.java:12}, {@code Counter.java} or {@code Unknown Source}, as Java prints frames. */
    public static String fileAndLine(SourceSite site) {
        if (site == null) {
            return "Unknown Source";
        }
        String file = site.file() != null ? site.file() : "Unknown Source";
        return site.line() >= 0 ? file + ":" + site.line() : file;
    }

    /** The frames to print: the stack, or just the site when no stack was recorded. */
    public static List<SourceSite> frames(List<SourceSite> stack, SourceSite site) {
        if (stack != null && !stack.isEmpty()) {
            return stack;
        }
        return site == null ? List.of() : List.of(site);
    }

    /** {@code Bank.lockA (taken at Bank.java:19)}, or just the lock when the site is unknown. */
    public static String heldLock(HeldLock lock) {
        return lock.acquiredAt() == null ? lock.lock() : lock.lock() + " (taken at " + fileAndLine(lock.acquiredAt()) + ")";
    }

    /** {@code Bank.lockA (taken at Bank.java:19), Account.lock}, or {@code none}. */
    public static String heldLocks(List<HeldLock> locks) {
        if (locks.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (HeldLock l : locks) {
            parts.add(heldLock(l));
        }
        return String.join(", ", parts);
    }

    /**
     * One edge of a cycle as a sentence: {@code Thread "t1" acquired Bank.lockB at Bank.java:20 while
     * holding Bank.lockA (taken at Bank.java:19)}; an observed deadlock says the thread was blocked.
     */
    public static String acquisitionSentence(FindingType type, LockAcquisition edge) {
        String verb = type == FindingType.OBSERVED_DEADLOCK ? " blocked acquiring " : " acquired ";
        StringBuilder sb = new StringBuilder("Thread ").append(threadName(edge.thread())).append(verb)
                .append(edge.lock()).append(" at ").append(fileAndLine(edge.acquiredAt()));
        if (!edge.heldLocks().isEmpty()) {
            sb.append(" while holding ").append(heldLocks(edge.heldLocks()));
        }
        return sb.toString();
    }

    /**
     * The locks of a cycle in acquisition order, closed: {@code [Bank.lockA, Bank.lockB, Bank.lockA]}.
     * Edge i takes {@code cycle[i].lock} while holding the lock of edge i-1, so the path starts with
     * the lock the first edge's thread already held, the last edge's lock.
     */
    public static List<String> cyclePath(Finding finding) {
        List<LockAcquisition> cycle = finding.cycle();
        List<String> path = new ArrayList<>();
        if (cycle.isEmpty()) {
            return path;
        }
        path.add(cycle.get(cycle.size() - 1).lock());
        for (LockAcquisition edge : cycle) {
            path.add(edge.lock());
        }
        return path;
    }

    /** {@code Bank.lockA -> Bank.lockB -> Bank.lockA}. */
    public static String cycleLine(Finding finding) {
        return String.join(" -> ", cyclePath(finding));
    }

    /** Every thread the finding involves, once each, in order of appearance. */
    public static List<ThreadRef> threads(Finding finding) {
        Map<Integer, ThreadRef> byId = new LinkedHashMap<>();
        for (Access a : accessesLatestFirst(finding)) {
            if (a.thread() != null) {
                byId.putIfAbsent(a.thread().id(), a.thread());
            }
        }
        for (LockAcquisition e : finding.cycle()) {
            if (e.thread() != null) {
                byId.putIfAbsent(e.thread().id(), e.thread());
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** {@code lost-update} as {@code lost update}; null stays null. */
    public static String classificationWords(String classification) {
        return classification == null || classification.isBlank() ? null : classification.replace('-', ' ');
    }

    /** The explanation as a sentence ending with a full stop, or null. */
    public static String explanationSentence(Finding finding) {
        String e = finding.explanation();
        if (e == null || e.isBlank()) {
            return null;
        }
        e = e.strip();
        return e.endsWith(".") || e.endsWith("!") || e.endsWith("?") ? e : e + ".";
    }

    /** The headline: the finding's title, or the type in capitals when the analyzer gave none. */
    public static String title(Finding finding) {
        if (finding.title() != null && !finding.title().isBlank()) {
            return finding.title();
        }
        return FindingTypeDescription.of(finding.type()).singular().toUpperCase(Locale.ROOT);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
