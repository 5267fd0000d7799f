package dev.racelock.analyzer.predict;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weak causal precedence computed from its definition (Kini, Mathur &amp; Viswanathan, PLDI 2017,
 * Definition 3), over explicit sets of events, with no clocks and no epochs: slow and plain, to
 * check the vector-clock analysis against. Events are taken in trace order; for each event the
 * set of events that happen before it (HB, with lock edges) and the set that WCP-precede it are
 * built from the rules:
 * <ul>
 *   <li>fixed orders (thread start and join, volatile write then read, hand-off release then
 *       acquire) are WCP edges, as they are HB edges;</li>
 *   <li>(a) the release of a critical section precedes an event of a later section on the same
 *       lock (another thread's) that conflicts with an event inside it;</li>
 *   <li>(b) if the acquire of a section precedes the release of a later section of another
 *       thread on the same lock, so does its release;</li>
 *   <li>(c) WCP is closed under composition with HB on both sides.</li>
 * </ul>
 * Reentrant acquires and releases are not edges. A location is racy when two conflicting plain
 * accesses of different threads are not WCP-ordered.
 */
final class WcpDefinition {

    private record Section(String thread, String lock, StdEvent acquire, List<StdEvent> events, StdEvent[] release) {}

    static Set<String> racyVariables(List<StdEvent> events) {
        int n = events.size();
        BitSet[] hb = new BitSet[n];
        BitSet[] wcp = new BitSet[n];
        Map<String, Integer> lastOfThread = new HashMap<>();
        Map<String, Integer> lastRelease = new HashMap<>();
        Map<String, Integer> holdCount = new HashMap<>();
        Map<String, Section> open = new HashMap<>(); // thread|lock -> section
        Map<String, List<Section>> sectionsOf = new HashMap<>();
        Map<String, Integer> forkOf = new HashMap<>();
        for (StdEvent e : events) {
            int j = e.index();
            BitSet h = new BitSet();
            BitSet w = new BitSet();
            Integer prev = lastOfThread.get(e.thread());
            if (prev == null && forkOf.containsKey(e.thread())) {
                prev = null;
                int f = forkOf.get(e.thread());
                fixedEdge(f, hb, wcp, h, w);
            }
            if (prev != null) {
                h.or(hb[prev]);
                h.set(prev);
                w.or(wcp[prev]); // right composition with HB (program order)
            }
            switch (e.op()) {
                case "acq" -> {
                    String key = e.thread() + "|" + e.target();
                    int count = holdCount.getOrDefault(key, 0);
                    holdCount.put(key, count + 1);
                    if (count == 0) {
                        Integer r = lastRelease.get(e.target());
                        if (r != null) {
                            h.or(hb[r]);
                            h.set(r);
                            w.or(wcp[r]); // right composition with HB (lock edge), not the edge itself
                        }
                        Section s = new Section(e.thread(), e.target(), e, new ArrayList<>(), new StdEvent[1]);
                        open.put(key, s);
                        sectionsOf.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(s);
                    }
                }
                case "join" -> {
                    Integer last = lastOfThread.get(e.target());
                    if (last != null) {
                        fixedEdge(last, hb, wcp, h, w);
                    }
                }
                case "vr", "hba" -> {
                    String release = e.op().equals("vr") ? "vw" : "hbr";
                    for (int i = 0; i < j; i++) {
                        StdEvent o = events.get(i);
                        if (o.op().equals(release) && o.target().equals(e.target())) {
                            fixedEdge(i, hb, wcp, h, w);
                        }
                    }
                }
                default -> { }
            }
            // Rule (a): this event inside sections, conflicting with an event of an earlier section.
            for (Section mine : open.values()) {
                if (!mine.thread().equals(e.thread()) || mine.acquire() == e) {
                    continue;
                }
                for (Section earlier : sectionsOf.get(mine.lock())) {
                    if (earlier == mine || earlier.release()[0] == null || earlier.thread().equals(e.thread())) {
                        continue;
                    }
                    for (StdEvent x : earlier.events()) {
                        if (x.conflicts(e)) {
                            int r = earlier.release()[0].index();
                            w.or(hb[r]); // left composition with HB
                            w.set(r);
                            w.or(wcp[r]);
                            break;
                        }
                    }
                }
            }
            if (e.op().equals("rel")) {
                String key = e.thread() + "|" + e.target();
                int count = holdCount.get(key) - 1;
                holdCount.put(key, count);
                if (count == 0) {
                    Section mine = open.remove(key);
                    // Rule (b), to a fixpoint: an earlier section of another thread whose acquire precedes this release.
                    boolean changed = true;
                    while (changed) {
                        changed = false;
                        for (Section earlier : sectionsOf.get(e.target())) {
                            if (earlier == mine || earlier.thread().equals(e.thread()) || earlier.release()[0] == null) {
                                continue;
                            }
                            int r = earlier.release()[0].index();
                            if (w.get(earlier.acquire().index()) && !w.get(r)) {
                                w.or(hb[r]);
                                w.set(r);
                                w.or(wcp[r]);
                                changed = true;
                            }
                        }
                    }
                    mine.release()[0] = e;
                    lastRelease.put(e.target(), j);
                }
            }
            for (Section s : open.values()) {
                if (s.thread().equals(e.thread())) {
                    s.events().add(e);
                }
            }
            if (e.op().equals("fork")) {
                forkOf.put(e.target(), j);
            }
            hb[j] = h;
            wcp[j] = w;
            lastOfThread.put(e.thread(), j);
        }
        Set<String> racy = new HashSet<>();
        for (StdEvent b : events) {
            for (StdEvent a : events) {
                if (a.index() < b.index() && a.access() && b.access() && a.conflicts(b) && !wcp[b.index()].get(a.index())) {
                    racy.add(b.target());
                }
            }
        }
        return racy;
    }

    /** A fixed order from event i to the current one: an HB edge and a WCP edge, composed with HB on the left. */
    private static void fixedEdge(int i, BitSet[] hb, BitSet[] wcp, BitSet h, BitSet w) {
        h.or(hb[i]);
        h.set(i);
        w.or(hb[i]);
        w.set(i);
        w.or(wcp[i]);
    }
}
