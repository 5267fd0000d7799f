package dev.racelock.report.view;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.ConsequentRace;
import dev.racelock.analyzer.finding.AccessKind;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.HeldLock;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.LockRef;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.finding.RaceClassification;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.RelaxedOrder;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.StartRelation;
import dev.racelock.analyzer.finding.TestRef;
import dev.racelock.analyzer.finding.ThreadRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of every report, in one place: how a finding's facts (locations, locks, threads,
 * sites, the relation between two racing threads) read in English, so the text, HTML, JUnit,
 * JSON and SARIF renderings of one bug say the same thing. Headings follow Go's race detector;
 * thread names are quoted as Go quotes goroutine names. What depends only on the finding's type
 * is in {@link FindingTypeDescription}.
 */
public final class FindingWords {

    private FindingWords() {}

    // ---- headline, summary, explanation ---------------------------------------------------------

    /**
     * {@code DATA RACE on Counter.hits}, {@code POTENTIAL DEADLOCK: lock-order cycle of 2 locks},
     * {@code DEADLOCK: 2 threads blocked in a cycle}.
     */
    public static String title(Finding f) {
        FindingTypeDescription d = FindingTypeDescription.of(f.type());
        if (f.location() != null) {
            return d.headline() + " on " + location(f.location());
        }
        int n = f.cycle().size();
        return d.headline() + (d.blocked() ? ": " + n + " threads blocked in a cycle"
                : ": lock-order cycle of " + n + " locks");
    }

    /**
     * {@code During test com.acme.CounterTest.racy}, with the display name when it says more
     * ({@code ... ([2] size=8)}); null when the finding is not attributed to a test.
     */
    public static String duringTest(Finding f) {
        TestRef t = f.test();
        return t == null ? null : "During test " + testName(t);
    }

    /** {@code com.acme.CounterTest.racy}, with the display name when it is not just the method's. */
    public static String testName(TestRef t) {
        String name = t.name();
        boolean plainMethod = t.methodName() != null && (t.methodName() + "()").equals(t.displayName());
        boolean plainClass = t.methodName() == null && t.className() != null
                && (t.className().equals(t.displayName()) || simpleName(t.className()).equals(t.displayName()));
        return plainMethod || plainClass || t.displayName() == null || t.displayName().equals(name)
                ? name : name + " (" + t.displayName() + ")";
    }

    /** One line for result lists (SARIF message, JUnit failure message). */
    public static String message(Finding f) {
        RacePair p = f.primaryPair();
        if (p != null && p.relaxed() != null) {
            String s = capitalized(p.earlier().kind().word()) + " (thread " + threadName(p.earlier().thread()) + ", "
                    + fileAndLine(p.earlier().site()) + ") and " + p.later().kind().word() + " (thread "
                    + threadName(p.later().thread()) + ", " + fileAndLine(p.later().site()) + ") of "
                    + location(f.location()) + ", ordered in this run only by the order in which the threads took "
                    + lock(p.relaxed().lock());
            int others = f.pairs().size() - 1;
            return others == 0 ? s : s + ", and " + others + (others == 1 ? " other pair" : " other pairs")
                    + " of accesses";
        }
        if (p != null) {
            String s = "Unordered " + p.earlier().kind().word() + " (thread " + threadName(p.earlier().thread()) + ", "
                    + fileAndLine(p.earlier().site()) + ") and " + p.later().kind().word() + " (thread "
                    + threadName(p.later().thread()) + ", " + fileAndLine(p.later().site()) + ") of "
                    + location(f.location());
            int others = f.pairs().size() - 1;
            return others == 0 ? s : s + ", and " + others + (others == 1 ? " other pair" : " other pairs")
                    + " of accesses";
        }
        boolean blocked = FindingTypeDescription.of(f.type()).blocked();
        List<LockAcquisition> cycle = f.cycle();
        int n = cycle.size();
        List<String> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LockAcquisition a = cycle.get(i);
            // Around the cycle, the lock each thread holds is the one the previous thread takes, and
            // the lock it waits for is held by the next thread.
            parts.add(blocked
                    ? "thread " + threadName(a.thread()) + " waits for " + lock(a.lock()) + " held by "
                            + threadName(cycle.get((i + 1) % n).thread())
                    : "thread " + threadName(a.thread()) + " takes " + lock(a.lock()) + " while holding "
                            + lock(cycle.get((i + n - 1) % n).lock()));
        }
        return String.join("; ", parts);
    }

    /** Why it can happen, as a sentence ending with a full stop. */
    public static String explanation(Finding f) {
        RacePair p = f.primaryPair();
        String e = p != null ? raceExplanation(p) : FindingTypeDescription.of(f.type()).explanation();
        if (e != null && f.location() != null && f.location().isLibraryState()) {
            return sentence(e) + " " + libraryFix(f.location(), p);
        }
        return e == null ? null : sentence(e);
    }

    /**
     * How to fix a race on a non-thread-safe JDK instance: the thread-safe class to use instead,
     * the synchronized wrapper, or the lock one side already holds.
     */
    static String libraryFix(MemoryLocation l, RacePair p) {
        String type = l.libraryClass() == null ? "" : l.libraryClass();
        String simple = simpleName(type);
        String instead;
        if (type.endsWith("Map") && !type.equals("java.util.IdentityHashMap") && !type.equals("java.util.EnumMap")) {
            instead = (type.equals("java.util.TreeMap") ? "a ConcurrentSkipListMap" : "a ConcurrentHashMap")
                    + " or Collections.synchronizedMap(...)";
        } else if (type.endsWith("Map")) {
            instead = "Collections.synchronizedMap(...)";
        } else if (type.endsWith("List")) {
            instead = "a CopyOnWriteArrayList (mostly read) or Collections.synchronizedList(...)";
        } else if (type.endsWith("Set")) {
            instead = (type.equals("java.util.TreeSet") ? "a ConcurrentSkipListSet" : "ConcurrentHashMap.newKeySet()")
                    + " or Collections.synchronizedSet(...)";
        } else if (type.endsWith("Deque") || type.endsWith("Queue")) {
            instead = "a java.util.concurrent queue (ConcurrentLinkedDeque, PriorityBlockingQueue ...)";
        } else if (type.endsWith("Format")) {
            instead = "java.time's DateTimeFormatter (immutable) or one instance per thread";
        } else if (type.equals("java.util.regex.Matcher")) {
            instead = "a Matcher per thread (Pattern.matcher is thread-safe)";
        } else {
            instead = "one instance per thread";
        }
        StringBuilder fix = new StringBuilder("Fix: ").append(simple.isEmpty() ? "this object" : simple)
                .append(" is not thread-safe; use ").append(instead);
        Set<LockRef> held = new LinkedHashSet<>();
        if (p != null) {
            held.addAll(lockClasses(p.earlier().locksHeld()));
            held.addAll(lockClasses(p.later().locksHeld()));
        }
        if (!held.isEmpty()) {
            fix.append(", or hold ").append(lockList(held)).append(" at every use");
        } else {
            fix.append(", or guard every use with one lock");
        }
        return fix.append('.').toString();
    }

    /**
     * Why two accesses are unordered, from the locks each held and how the threads relate:
     * {@code thread "a" holds Account.lock, thread "b" holds no lock: no lock held in
     * common and no hand-off between them}.
     */
    public static String raceExplanation(RacePair p) {
        if (p.relaxed() != null) {
            return predictedExplanation(p);
        }
        Access e = p.earlier();
        Access l = p.later();
        Set<LockRef> eLocks = lockClasses(e.locksHeld());
        Set<LockRef> lLocks = lockClasses(l.locksHeld());
        Set<LockRef> common = new LinkedHashSet<>(eLocks);
        common.retainAll(lLocks);
        StringBuilder s = new StringBuilder();
        if (eLocks.isEmpty() && lLocks.isEmpty()) {
            s.append("no lock held in common and no hand-off between them");
        } else if (common.isEmpty()) {
            s.append("thread ").append(threadName(e.thread())).append(' ').append(holding(eLocks))
                    .append(", thread ").append(threadName(l.thread())).append(' ').append(holding(lLocks))
                    .append(": no lock held in common and no hand-off between them");
        } else {
            s.append("both threads hold ").append(lockList(common))
                    .append(", but not the same instance, and no hand-off orders the accesses");
        }
        String eName = threadName(e.thread());
        String lName = threadName(l.thread());
        if (p.startRelation() == StartRelation.EARLIER_THREAD_STARTED_BY_LATER) {
            // JLS 17.4.5: only the end of a thread, seen through join, orders its actions before the joiner's.
            s.append("; ").append(lName).append(" started the ").append(role(e)).append(" thread ").append(eName)
                    .append(", but its ").append(l.kind().word()).append(" is not ordered after ").append(eName)
                    .append(" ended (no join before it)");
        } else if (p.startRelation() == StartRelation.LATER_THREAD_STARTED_BY_EARLIER) {
            // JLS 17.4.5: start() orders only what the starting thread did before it.
            s.append("; the ").append(e.kind().word()).append(" in ").append(eName).append(" comes after ")
                    .append(eName).append(" started ").append(lName).append(", so the start does not order it");
        }
        return s.toString();
    }

    /**
     * Why a predicted race exists: which hand-off ordered the accesses in this run, and why a
     * schedule with the sections the other way round is a correct reordering (weak causal
     * precedence, Kini, Mathur and Viswanathan, PLDI 2017).
     */
    private static String predictedExplanation(RacePair p) {
        RelaxedOrder r = p.relaxed();
        return "in this run thread " + threadName(r.releasingThread()) + " released " + lock(r.lock())
                + " before thread " + threadName(r.acquiringThread()) + " took it, and that hand-off ordered the "
                + p.earlier().kind().word() + " in " + threadName(p.earlier().thread()) + " before the "
                + p.later().kind().word() + " in " + threadName(p.later().thread()) + "; the two critical sections"
                + " touch no common data and nothing else orders them, so a schedule in which "
                + threadName(r.acquiringThread()) + " takes the lock first is a correct reordering of this run"
                + " (every read sees the same write), and in it the two accesses are unordered";
    }

    /** The two critical sections of a predicted race, one line each: thread, lock, where taken (and released). */
    public static List<String> relaxedSections(RelaxedOrder r) {
        String first = "thread " + threadName(r.releasingThread()) + " held " + lock(r.lock())
                + (r.releasingTaken() == null ? "" : " from " + fileAndLine(r.releasingTaken()))
                + (r.releasingFreed() == null ? "" : " to " + fileAndLine(r.releasingFreed())) + ", first";
        String then = "thread " + threadName(r.acquiringThread()) + " took it next"
                + (r.acquiringTaken() == null ? "" : " at " + fileAndLine(r.acquiringTaken()));
        return List.of(first, then);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** {@code writer} or {@code reader}. */
    private static String role(Access a) {
        return a.kind() == AccessKind.WRITE ? "writer" : "reader";
    }

    private static String holding(Set<LockRef> locks) {
        return locks.isEmpty() ? "holds no lock" : "holds " + lockList(locks);
    }

    private static String lockList(Set<LockRef> locks) {
        List<String> names = new ArrayList<>(locks.size());
        locks.forEach(l -> names.add(lock(l)));
        return String.join(", ", names);
    }

    private static Set<LockRef> lockClasses(List<HeldLock> held) {
        Set<LockRef> classes = new LinkedHashSet<>();
        held.forEach(h -> classes.add(h.lock().instance(0)));
        return classes;
    }

    /** The explanation ending with a full stop. */
    private static String sentence(String e) {
        String s = e.strip();
        return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
    }

    /** {@code lost-update} as {@code lost update}; null stays null. */
    public static String classification(RaceClassification c) {
        return c == null ? null : c.id().replace('-', ' ');
    }

    // ---- locations and locks -----------------------------------------------------------------

    /**
     * {@code Counter.hits}, {@code element of int[] allocated at Buffer.java:9}, or for the state
     * of a non-thread-safe JDK instance {@code HashMap (field Registry.byName)}.
     */
    public static String location(MemoryLocation l) {
        if (l == null) {
            return "an unknown location";
        }
        if (l.isLibraryState()) {
            String type = l.libraryClass() == null ? "a JDK object" : simpleName(l.libraryClass());
            if (l.field() != null) {
                return type + " (field " + (l.className() == null ? "" : simpleName(l.className()) + ".") + l.field()
                        + ")";
            }
            return l.allocatedAt() == null ? type : type + " first seen at " + fileAndLine(l.allocatedAt());
        }
        if (!l.isArrayElement()) {
            return l.className() == null ? l.field() : simpleName(l.className()) + "." + l.field();
        }
        return arrayElement(l, "element");
    }

    /** The location one access touched: the field, or {@code element [3] of int[] allocated at ...}. */
    public static String accessedLocation(MemoryLocation l, Access a) {
        return l != null && l.isArrayElement() && a.index() >= 0 ? arrayElement(l, "element [" + a.index() + "]")
                : location(l);
    }

    private static String arrayElement(MemoryLocation l, String element) {
        String type = l.className() == null ? "array" : simpleName(l.className());
        return element + " of " + type + (l.allocatedAt() == null ? "" : " allocated at " + fileAndLine(l.allocatedAt()));
    }

    /**
     * A lock class: {@code Account.lock (ReentrantLock)} (a field, with the lock's class unless it
     * is a plain Object), {@code ReentrantLock allocated at Bank.java:12}, {@code monitor of Account},
     * {@code Ledger.class} (a Class object's monitor; {@code class monitor first seen at Main.java:18}
     * in traces that do not say which class), {@code monitor first taken at Dl.java:8};
     * {@code (instance 2)} tells instances of one class apart in a cycle between them.
     */
    public static String lock(LockRef l) {
        return lock(l, null);
    }

    /** {@code Bank.lockA (taken at Bank.java:19)}, or just the lock when the site is unknown. */
    public static String heldLock(HeldLock lock) {
        return lock(lock.lock(), lock.acquiredAt() == null ? null : "taken at " + fileAndLine(lock.acquiredAt()));
    }

    /** The lock's name with its notes, and {@code note} among them, in one pair of parentheses. */
    private static String lock(LockRef l, String note) {
        List<String> notes = new ArrayList<>(3);
        String name;
        if (l == null) {
            name = "an unknown lock";
        } else {
            name = switch (l.kind()) {
                case FIELD -> {
                    if (l.className() != null && !l.className().equals("java.lang.Object")) {
                        notes.add(simpleName(l.className()));
                    }
                    yield simpleName(l.fieldOwner()) + "." + l.field();
                }
                case ALLOCATION -> simpleName(l.className()) + " allocated at " + fileAndLine(l.site());
                case CLASS_MONITOR -> l.className() != null ? simpleName(l.className()) + ".class"
                        : "class monitor first seen at " + fileAndLine(l.site());
                case CLASS -> l.monitor() ? "monitor of " + simpleName(l.className()) : simpleName(l.className());
                case FIRST_TAKEN -> (l.monitor() ? "monitor" : "lock") + " first taken at " + fileAndLine(l.site());
                case UNKNOWN -> l.monitor() ? "monitor of an unknown object" : "unknown lock";
            };
            if (l.instance() > 0) {
                notes.add("instance " + l.instance());
            }
        }
        if (note != null) {
            notes.add(note);
        }
        return notes.isEmpty() ? name : name + " (" + String.join(", ", notes) + ")";
    }

    /** {@code Bank.lockA (taken at Bank.java:19), Account.lock (ReentrantLock)}, or {@code none}. */
    public static String heldLocks(List<HeldLock> locks) {
        if (locks.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>(locks.size());
        locks.forEach(l -> parts.add(heldLock(l)));
        return String.join(", ", parts);
    }

    // ---- threads, accesses, acquisitions -------------------------------------------------------

    /** {@code "worker-1"}, quoted as Go quotes goroutine names. */
    public static String threadName(ThreadRef thread) {
        if (thread == null) {
            return "\"?\"";
        }
        return "\"" + (thread.name() == null ? "#" + thread.id() : thread.name()) + "\"";
    }

    /**
     * The accesses of a race pair in the order reports show them: the later (current) access
     * first, then the earlier one it conflicts with, as Go's race detector does.
     */
    public static List<Access> latestFirst(RacePair p) {
        return List.of(p.later(), p.earlier());
    }

    /** {@code Write by thread "worker-2"} or, for the earlier access, {@code Previous read by thread "worker-1"}. */
    public static String accessHeading(Access access, boolean previous) {
        String kind = access.kind().word();
        String head = previous ? "Previous " + kind : capitalize(kind);
        return head + " by thread " + threadName(access.thread()) + calling(access);
    }

    /** {@code write by thread "w" at Counter.java:12}: one side of a pair in a list of pairs. */
    public static String accessInBrief(Access access) {
        return access.kind().word() + " by thread " + threadName(access.thread()) + calling(access) + " at "
                + fileAndLine(access.site());
    }

    /**
     * A race that followed this one (RacePair.followedBy), on one line: {@code Config.data: read by
     * thread "reader" at Reader.java:21, previous write by thread "writer" at Writer.java:10}.
     */
    public static String consequence(ConsequentRace c) {
        String line = accessedLocation(c.location(), c.later()) + ": " + accessInBrief(c.later()) + ", previous "
                + accessInBrief(c.earlier());
        return c.occurrences() > 1 ? line + " (seen " + ResultSummary.grouped(c.occurrences()) + " times)" : line;
    }

    /** {@code  calling put} for an access to a library state, else empty. */
    private static String calling(Access access) {
        return access.calledMethod() == null ? "" : " calling " + access.calledMethod();
    }

    /**
     * One edge of a cycle as a sentence: {@code Thread "t1" acquired Bank.lockB at Bank.java:20 while
     * holding Bank.lockA (taken at Bank.java:19)}; in an observed deadlock the thread was blocked,
     * in a predicted one that is where the predicted schedule stops it.
     */
    public static String acquisitionSentence(Finding f, LockAcquisition edge) {
        String verb = " " + acquisitionVerb(f.type()) + " ";
        StringBuilder sb = new StringBuilder("Thread ").append(threadName(edge.thread())).append(verb)
                .append(lock(edge.lock())).append(" at ").append(fileAndLine(edge.acquiredAt()))
                .append(insideCall(edge));
        if (!edge.heldLocks().isEmpty()) {
            sb.append(" while holding ").append(heldLocks(edge.heldLocks()));
        }
        return sb.toString();
    }

    /**
     * {@code  inside Transaction.deleteObserver} for a monitor the JDK took inside the method the
     * application called there (docs/library-model.md, "Monitors the JDK takes"), else empty.
     */
    public static String insideCall(LockAcquisition edge) {
        return edge.takenInside() == null ? "" : " inside " + edge.takenInside();
    }

    /**
     * What a thread of a cycle did at its acquisition: {@code acquired} (lock order), {@code
     * blocked acquiring} (observed), {@code would block acquiring} (predicted: where the
     * reordering stops it).
     */
    public static String acquisitionVerb(FindingType type) {
        if (FindingTypeDescription.of(type).blocked()) {
            return "blocked acquiring";
        }
        return type == FindingType.PREDICTED_DEADLOCK ? "would block acquiring" : "acquired";
    }

    /** {@code Thread "t1" took Bank.lockA here, then went for Bank.lockB}. */
    public static String heldLockSentence(LockAcquisition edge, HeldLock held) {
        return "Thread " + threadName(edge.thread()) + " took " + lock(held.lock()) + " here, then went for "
                + lock(edge.lock());
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
        path.add(lock(cycle.get(cycle.size() - 1).lock()));
        for (LockAcquisition edge : cycle) {
            path.add(lock(edge.lock()));
        }
        return path;
    }

    /** {@code Bank.lockA -> Bank.lockB -> Bank.lockA}. */
    public static String cycleLine(Finding finding) {
        return String.join(" -> ", cyclePath(finding));
    }

    /** Every thread of the primary pair or the cycle, once each, in order of appearance. */
    public static List<ThreadRef> threads(Finding finding) {
        Map<Integer, ThreadRef> byId = new LinkedHashMap<>();
        RacePair p = finding.primaryPair();
        if (p != null) {
            for (Access a : latestFirst(p)) {
                if (a.thread() != null) {
                    byId.putIfAbsent(a.thread().id(), a.thread());
                }
            }
        }
        for (LockAcquisition e : finding.cycle()) {
            if (e.thread() != null) {
                byId.putIfAbsent(e.thread().id(), e.thread());
            }
        }
        return new ArrayList<>(byId.values());
    }

    // ---- sites --------------------------------------------------------------------------------

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

    /**
     * What reports say below a cut stack ({@code StackBase.UNRECORDED_CALLER}): its outermost
     * frame was called by code the agent did not instrument, so its callers are unknown and none
     * is shown. Never said of a stack that reached its thread's entry.
     */
    public static String stackCut() {
        return "called from code racelock does not record (excluded or JDK)";
    }

    /** {@link #stackCut()} as the last line of a printed stack, shaped like a folded line. */
    public static String stackCutLine() {
        return "... " + stackCut();
    }

    /** The frames to print: the stack, or just the site when no stack was recorded. */
    public static List<SourceSite> frames(List<SourceSite> stack, SourceSite site) {
        if (stack != null && !stack.isEmpty()) {
            return stack;
        }
        return site == null ? List.of() : List.of(site);
    }

    /** {@code com.acme.Outer$Inner} -> {@code Outer$Inner}; array types keep their brackets. */
    public static String simpleName(String className) {
        if (className == null) {
            return "?";
        }
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
