package dev.racelock.analyzer.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ground truth for tiny traces: every correct reordering of the trace, by exhaustive search.
 * A correct reordering takes a prefix of each thread's events, keeps lock semantics (one holder at
 * a time, reentrant), starts a thread only after its fork and joins it only after its last event,
 * and lets every read see the same write as in the trace (plain and volatile reads alike; a
 * hand-off acquire sees exactly the releases of its token that preceded it). A variable is racy
 * when some correct reordering leaves two threads whose next events are conflicting accesses to
 * it (a predictable race, Smaragdakis et al. POPL 2012); the trace has a predictable deadlock when
 * one leaves threads each waiting for a lock the next one holds.
 *
 * <p>Sync-preserving (Tunç et al., PLDI 2023): only the reorderings that keep the order in which
 * the trace's outermost acquires of each lock happened (an acquire may run only after every
 * executed acquire of its lock that the trace had before it).
 */
final class ReorderingSearch {

    private final List<StdEvent> events;
    private final List<String> threads = new ArrayList<>();
    private final List<List<StdEvent>> program = new ArrayList<>();
    /** For each event: the write it read in the trace (-1: the initial value), or for hba, the releases it saw. */
    private final Map<Integer, Integer> readsFrom = new HashMap<>();
    private final Map<String, Integer> forkOf = new HashMap<>();
    private final Set<String> visited = new HashSet<>();
    private final boolean syncPreserving;
    final Set<String> racy = new HashSet<>();
    boolean deadlock;

    ReorderingSearch(List<StdEvent> events) {
        this(events, false);
    }

    ReorderingSearch(List<StdEvent> events, boolean syncPreserving) {
        this.events = events;
        this.syncPreserving = syncPreserving;
        Map<String, Integer> lastWrite = new HashMap<>();
        for (StdEvent e : events) {
            if (!threads.contains(e.thread())) {
                threads.add(e.thread());
                program.add(new ArrayList<>());
            }
            program.get(threads.indexOf(e.thread())).add(e);
            switch (e.op()) {
                case "r", "vr" -> readsFrom.put(e.index(), lastWrite.getOrDefault(e.op() + e.target(), -1));
                case "w" -> lastWrite.put("r" + e.target(), e.index());
                case "vw" -> lastWrite.put("vr" + e.target(), e.index());
                case "fork" -> forkOf.put(e.target(), e.index());
                default -> { }
            }
        }
    }

    private final class State {
        final int[] pos = new int[threads.size()];
        final Map<String, String> owner = new LinkedHashMap<>(); // lock -> thread
        final Map<String, Integer> count = new LinkedHashMap<>();
        final Map<String, Integer> lastWrite = new LinkedHashMap<>(); // "r"+var or "vr"+var -> event
        final Map<String, Integer> lastAcquire = new LinkedHashMap<>(); // lock -> trace index of its last outermost acquire run

        State copy() {
            State s = new State();
            System.arraycopy(pos, 0, s.pos, 0, pos.length);
            s.owner.putAll(owner);
            s.count.putAll(count);
            s.lastWrite.putAll(lastWrite);
            s.lastAcquire.putAll(lastAcquire);
            return s;
        }

        String key() {
            return Arrays.toString(pos) + owner + count + lastWrite + lastAcquire;
        }

        boolean done(int t) {
            return pos[t] == program.get(t).size();
        }

        StdEvent next(int t) {
            return done(t) ? null : program.get(t).get(pos[t]);
        }

        boolean executed(StdEvent e) {
            int t = threads.indexOf(e.thread());
            return program.get(t).indexOf(e) < pos[t];
        }

        boolean started(int t) {
            Integer f = forkOf.get(threads.get(t));
            return f == null || executed(events.get(f));
        }
    }

    ReorderingSearch run() {
        explore(new State());
        return this;
    }

    private void explore(State s) {
        if (!visited.add(s.key())) {
            return;
        }
        int n = threads.size();
        for (int i = 0; i < n; i++) {
            StdEvent a = s.next(i);
            if (a == null || !s.started(i) || !a.access()) {
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                StdEvent b = s.next(j);
                if (b != null && s.started(j) && b.access() && a.conflicts(b)) {
                    racy.add(a.target());
                }
            }
        }
        if (waitCycle(s)) {
            deadlock = true;
        }
        for (int i = 0; i < n; i++) {
            StdEvent e = s.next(i);
            if (e != null && s.started(i) && enabled(s, e)) {
                explore(step(s, e));
            }
        }
    }

    private boolean enabled(State s, StdEvent e) {
        return switch (e.op()) {
            case "acq" -> {
                String o = s.owner.get(e.target());
                boolean outermost = o == null;
                boolean inOrder = !syncPreserving || !outermost || s.lastAcquire.getOrDefault(e.target(), -1) < e.index();
                yield (o == null || o.equals(e.thread())) && inOrder;
            }
            case "r", "vr" -> s.lastWrite.getOrDefault(e.op() + e.target(), -1).equals(readsFrom.get(e.index()));
            case "hba" -> {
                for (StdEvent o : events) {
                    if (o.op().equals("hbr") && o.target().equals(e.target()) && s.executed(o) != (o.index() < e.index())) {
                        yield false;
                    }
                }
                yield true;
            }
            case "join" -> !threads.contains(e.target()) || s.done(threads.indexOf(e.target()));
            default -> true;
        };
    }

    private State step(State s, StdEvent e) {
        State n = s.copy();
        n.pos[threads.indexOf(e.thread())]++;
        switch (e.op()) {
            case "acq" -> {
                if (!n.owner.containsKey(e.target())) {
                    n.lastAcquire.put(e.target(), e.index());
                }
                n.owner.put(e.target(), e.thread());
                n.count.merge(e.target(), 1, Integer::sum);
            }
            case "rel" -> {
                int c = n.count.get(e.target()) - 1;
                if (c == 0) {
                    n.count.remove(e.target());
                    n.owner.remove(e.target());
                } else {
                    n.count.put(e.target(), c);
                }
            }
            case "w" -> n.lastWrite.put("r" + e.target(), e.index());
            case "vw" -> n.lastWrite.put("vr" + e.target(), e.index());
            default -> { }
        }
        return n;
    }

    /** Threads each about to acquire a lock that another of them holds, in a cycle. */
    private boolean waitCycle(State s) {
        Map<String, String> waitsFor = new HashMap<>();
        for (int i = 0; i < threads.size(); i++) {
            StdEvent e = s.next(i);
            if (e != null && s.started(i) && e.op().equals("acq")) {
                String o = s.owner.get(e.target());
                if (o != null && !o.equals(e.thread())) {
                    waitsFor.put(e.thread(), o);
                }
            }
        }
        for (String start : waitsFor.keySet()) {
            String t = waitsFor.get(start);
            for (int k = 0; k < threads.size() && t != null; k++) {
                if (t.equals(start)) {
                    return true;
                }
                t = waitsFor.get(t);
            }
        }
        return false;
    }
}
