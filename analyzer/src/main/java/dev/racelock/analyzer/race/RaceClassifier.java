package dev.racelock.analyzer.race;

import dev.racelock.analyzer.finding.RaceClassification;
import dev.racelock.analyzer.state.TraceDictionary;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.SiteInfo;

/**
 * Names the pattern of a race where it is clear, from the two accesses as detected (each
 * occurrence of a race is offered; the first clear answer sticks):
 * <ul>
 *   <li>{@code lost-update}: both sides are read-modify-writes of their threads on one line
 *       ({@code x++}: the write's own read, in the same epoch, on the write's line), or the
 *       racing read is at the very read site of the other thread's read-modify-write;</li>
 *   <li>{@code check-then-act}: both threads read the location at one line and then wrote it at
 *       another ({@code if (x == null) x = ...}), the read and write sites being the same in
 *       both;</li>
 *   <li>{@code torn-long}: a long or double location (JLS 17.7: a non-volatile 64-bit write may
 *       be seen half done);</li>
 *   <li>{@code iteration-modification}: the state of a non-thread-safe JDK collection read by an
 *       iteration ({@code next}, {@code forEach} ...) and written by the other thread: the
 *       iterator's ConcurrentModificationException, or a silently wrong traversal.</li>
 * </ul>
 * {@code unsafe-publication} needs what the reader does next, so RaceAnalysis decides it later.
 */
final class RaceClassifier {

    private final TraceDictionary dictionary;

    RaceClassifier(TraceDictionary dictionary) {
        this.dictionary = dictionary;
    }

    RaceClassification classify(RaceLocation location, AccessRecord e, AccessRecord l) {
        if (location.shown() != null && location.shown().isLibraryState()
                && (iterates(e) && l.write() || iterates(l) && e.write())) {
            return RaceClassification.ITERATION_MODIFICATION;
        }
        if (e.write() && l.write() && e.readSite() >= 0 && l.readSite() >= 0) {
            if (sameLine(e.readSite(), e.site()) && sameLine(l.readSite(), l.site())) {
                return RaceClassification.LOST_UPDATE;
            }
            if (e.readSite() == l.readSite() && e.site() == l.site()) {
                return RaceClassification.CHECK_THEN_ACT;
            }
        }
        // One side is a read at the read site of the other side's read-modify-write.
        int readSite = -1;
        int writeSite = -1;
        if (!e.write() && l.write() && l.readSite() >= 0 && l.readSite() == e.site()) {
            readSite = e.site();
            writeSite = l.site();
        } else if (e.write() && !l.write() && e.readSite() >= 0 && e.readSite() == l.site()) {
            readSite = l.site();
            writeSite = e.site();
        }
        if (readSite >= 0) {
            return sameLine(readSite, writeSite) ? RaceClassification.LOST_UPDATE : RaceClassification.CHECK_THEN_ACT;
        }
        return location.wide() ? RaceClassification.TORN_LONG : null;
    }

    /** A read of a library state by an iteration: an iterator's step, or a whole-collection traversal. */
    private boolean iterates(AccessRecord a) {
        if (a.write()) {
            return false;
        }
        SiteInfo site = dictionary.site(a.site());
        MethodInfo called = site == null || site.calledMethod() < 0 ? null : dictionary.method(site.calledMethod());
        if (called == null) {
            return false;
        }
        return switch (called.name()) {
            case "next", "hasNext", "forEachRemaining", "previous", "hasPrevious", "iterator", "listIterator",
                 "forEach", "spliterator", "stream", "parallelStream" -> true;
            default -> false;
        };
    }

    private boolean sameLine(int a, int b) {
        if (a == b) {
            return true;
        }
        SiteInfo x = dictionary.site(a);
        SiteInfo y = dictionary.site(b);
        return x != null && y != null && x.method() == y.method() && x.line() == y.line() && x.line() >= 0;
    }
}
