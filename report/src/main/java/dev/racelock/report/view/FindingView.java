package dev.racelock.report.view;

import dev.racelock.analyzer.finding.Access;
import dev.racelock.analyzer.finding.ConsequentRace;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.HeldLock;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.finding.RacePair;
import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.ThreadRef;

import java.util.ArrayList;
import java.util.List;

/**
 * One finding as every format shows it, worded once: what each report says about it, in the
 * order the text report says it. Formats lay this out; they never word a finding themselves.
 *
 * @param number         1-based position in the report
 * @param finding        the facts, for formats that carry them whole (JSON) or need a site
 * @param type           what is said of its type (badge, rule texts)
 * @param title          {@code DATA RACE on Counter.hits}
 * @param classification {@code lost update}, or null
 * @param where          where reports point first ({@code Counter.java:12}), or null
 * @param location       for a race: what it is on ({@code Counter.hits}); else null
 * @param message        the one-line summary
 * @param explanation    why it can happen, a sentence, or null
 * @param accesses       for a race: its first pair, the later (current) access first, as Go's race
 *                       detector shows them; else empty
 * @param otherPairs     for a race: its other pairs of accesses, one line each; else empty
 * @param acquisitions   for a lock cycle: its edges; else empty
 * @param cyclePath      for a lock cycle: the locks in acquisition order, closed; else empty
 * @param threads        every thread of the first pair or of the cycle, once each
 */
public record FindingView(int number, Finding finding, FindingTypeDescription type, String title, String classification,
                          String where, String location, String message, String explanation, List<AccessView> accesses, List<PairView> otherPairs,
                          List<AcquisitionView> acquisitions, List<String> cyclePath, List<ThreadView> threads) {

    /**
     * One access of a race.
     *
     * @param access   the facts
     * @param previous the earlier access, shown second
     * @param heading  {@code Write by thread "worker-2"}, {@code Previous read by thread "worker-1"}
     * @param kind     {@code read} or {@code write}
     * @param location what it touched: {@code Counter.hits}, {@code element [3] of int[] allocated at ...}
     * @param stack    every frame, innermost first (the site alone when no stack was recorded)
     * @param frames   the stack as printed, framework tails folded, closed by a line when it is cut
     * @param locks    the locks held
     * @param thread   the accessing thread
     */
    public record AccessView(Access access, boolean previous, String heading, String kind, String location,
                             List<SourceSite> stack, List<FrameLine> frames, List<HeldLockView> locks,
                             ThreadView thread) {

        /** {@code Registry.lock (taken at Worker.java:28)}, or {@code none}. */
        public String locksText() {
            return FindingWords.heldLocks(access.locksHeld());
        }
    }

    /**
     * Another pair of accesses of a race.
     *
     * @param pair        the facts
     * @param text        {@code write by thread "w" at Counter.java:30, previous read by thread "main" at Main.java:12}
     * @param occurrences how often it was seen
     */
    public record PairView(RacePair pair, String text, int occurrences) {}

    /**
     * One edge of a lock cycle.
     *
     * @param acquisition the facts
     * @param sentence    {@code Thread "t1" acquired Bank.lockB at Bank.java:20 while holding ...}
     * @param verb        {@code acquired}, {@code blocked acquiring} or {@code would block acquiring}
     * @param lock        the lock taken
     * @param inside      {@code  inside Transaction.deleteObserver} for a monitor the JDK took inside
     *                    the call made there, else empty
     * @param stack       every frame, innermost first (the site alone when no stack was recorded)
     * @param frames      the stack as printed, framework tails folded, closed by a line when it is cut
     * @param locks       the locks already held
     * @param thread      the thread
     */
    public record AcquisitionView(LockAcquisition acquisition, String sentence, String verb, String lock,
                                  String inside, List<SourceSite> stack, List<FrameLine> frames, List<HeldLockView> locks,
                                  ThreadView thread) {}

    /**
     * A lock held.
     *
     * @param held     the facts
     * @param lock     {@code Bank.lockA}
     * @param text     {@code Bank.lockA (taken at Bank.java:19)}
     * @param takenAt  where it was taken, as a frame line, or null
     * @param tookHere for a lock held at a cycle's acquisition: {@code Thread "t1" took Bank.lockA here,
     *                 then went for Bank.lockB}; else null
     */
    public record HeldLockView(HeldLock held, String lock, String text, FrameLine takenAt, String tookHere) {}

    /**
     * A thread.
     *
     * @param thread    the facts, or null when unknown
     * @param name      quoted, {@code "worker-1"}
     * @param createdAt where it was started, as a frame line, or null
     */
    public record ThreadView(ThreadRef thread, String name, FrameLine createdAt) {}

    public FindingView {
        accesses = List.copyOf(accesses);
        otherPairs = List.copyOf(otherPairs);
        acquisitions = List.copyOf(acquisitions);
        cyclePath = List.copyOf(cyclePath);
        threads = List.copyOf(threads);
    }

    /** Words {@code f}, the {@code number}th finding of a report. */
    public static FindingView of(Finding f, int number) {
        FindingTypeDescription type = FindingTypeDescription.of(f.type());
        List<AccessView> accesses = new ArrayList<>(2);
        List<PairView> otherPairs = new ArrayList<>();
        RacePair primary = f.primaryPair();
        if (primary != null) {
            List<Access> latestFirst = FindingWords.latestFirst(primary);
            for (int i = 0; i < latestFirst.size(); i++) {
                Access a = latestFirst.get(i);
                List<SourceSite> stack = FindingWords.frames(a.stack(), a.site());
                accesses.add(new AccessView(a, i > 0, FindingWords.accessHeading(a, i > 0), a.kind().word(),
                        FindingWords.accessedLocation(f.location(), a), stack, FoldedStack.of(stack, a.stackBase()),
                        heldLocks(a.locksHeld(), null), thread(a.thread())));
            }
            for (RacePair p : f.pairs().subList(1, f.pairs().size())) {
                otherPairs.add(new PairView(p, FindingWords.accessInBrief(p.later()) + ", previous "
                        + FindingWords.accessInBrief(p.earlier()), p.occurrences()));
            }
        }
        List<AcquisitionView> acquisitions = new ArrayList<>(f.cycle().size());
        for (LockAcquisition edge : f.cycle()) {
            List<SourceSite> stack = FindingWords.frames(edge.stack(), edge.acquiredAt());
            acquisitions.add(new AcquisitionView(edge, FindingWords.acquisitionSentence(f, edge),
                    FindingWords.acquisitionVerb(f.type()), FindingWords.lock(edge.lock()),
                    FindingWords.insideCall(edge), stack,
                    FoldedStack.of(stack, edge.stackBase()), heldLocks(edge.heldLocks(), edge), thread(edge.thread())));
        }
        List<ThreadView> threads = new ArrayList<>();
        for (ThreadRef t : FindingWords.threads(f)) {
            threads.add(thread(t));
        }
        return new FindingView(number, f, type, FindingWords.title(f), FindingWords.classification(f.classification()),
                f.primarySite() == null ? null : FindingWords.fileAndLine(f.primarySite()),
                f.location() == null ? null : FindingWords.location(f.location()), FindingWords.message(f), FindingWords.explanation(f), accesses, otherPairs, acquisitions,
                FindingWords.cyclePath(f), threads);
    }

    /**
     * For a predicted race: the two critical sections whose order alone ordered its accesses in
     * this run, one line each (under {@code Ordered in this run only by lock order}); else empty.
     */
    public List<String> relaxedOrder() {
        RacePair p = finding.primaryPair();
        return p == null || p.relaxed() == null ? List.of() : FindingWords.relaxedSections(p.relaxed());
    }

    /** The heading of {@link #followedBy()}. */
    public static final String FOLLOWED_BY_HEADING = "Followed by races that can only happen after this one";

    /**
     * A race that happened only because this one did.
     *
     * @param line    its one line, {@code read by thread "r" at Config.java:38 after write ...}
     * @param later   where its later access was
     * @param earlier where its earlier access was
     */
    public record ConsequenceView(String line, SourceSite later, SourceSite earlier) {}

    /**
     * The races that happened only because this one did (a read of it saw the write, and that
     * ordered them: schedulable happens-before); fixing this race fixes them. Else empty.
     */
    public List<ConsequenceView> consequences() {
        List<ConsequenceView> views = new ArrayList<>();
        for (RacePair p : finding.pairs()) {
            for (ConsequentRace c : p.followedBy()) {
                views.add(new ConsequenceView(FindingWords.consequence(c), c.later().site(), c.earlier().site()));
            }
        }
        return views;
    }

    /** {@link #consequences()} one line each, as text and HTML list them. */
    public List<String> followedBy() {
        return consequences().stream().map(ConsequenceView::line).toList();
    }

    /** {@code Other pairs of accesses to Counter.hits}: the heading of {@link #otherPairs()}. */
    public String otherPairsHeading() {
        return "Other pairs of accesses to " + location;
    }

    /** {@code Bank.lockA -> Bank.lockB -> Bank.lockA}, or empty for a race. */
    public String cycleLine() {
        return String.join(" -> ", cyclePath);
    }

    /** {@code During test com.acme.CounterTest.racy}, or null when it happened in no test. */
    public String duringTest() {
        return FindingWords.duringTest(finding);
    }

    /** The finding's occurrences. */
    public int occurrences() {
        return finding.occurrences();
    }

    public String fingerprint() {
        return finding.fingerprint();
    }

    private static List<HeldLockView> heldLocks(List<HeldLock> held, LockAcquisition edge) {
        List<HeldLockView> views = new ArrayList<>(held.size());
        for (HeldLock h : held) {
            views.add(new HeldLockView(h, FindingWords.lock(h.lock()), FindingWords.heldLock(h),
                    h.acquiredAt() == null ? null : FoldedStack.line(h.acquiredAt()),
                    edge == null ? null : FindingWords.heldLockSentence(edge, h)));
        }
        return views;
    }

    private static ThreadView thread(ThreadRef t) {
        return new ThreadView(t, FindingWords.threadName(t),
                t == null || t.createdAt() == null ? null : FoldedStack.line(t.createdAt()));
    }
}
