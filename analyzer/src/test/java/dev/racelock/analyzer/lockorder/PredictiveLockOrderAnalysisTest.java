package dev.racelock.analyzer.lockorder;

import dev.racelock.analyzer.AnalysisSet;
import dev.racelock.analyzer.TraceScript;
import dev.racelock.analyzer.finding.AnalysisResult;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.FindingType;
import dev.racelock.analyzer.finding.LockAcquisition;
import dev.racelock.analyzer.reorder.SyncPreservingTrace;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.AccessTarget;
import dev.racelock.trace.TraceHeader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sound deadlock prediction: a lock-order cycle is a {@code predicted-deadlock} when a
 * sync-preserving correct reordering of the trace stops each thread at its acquisition, and stays
 * a potential {@code deadlock} otherwise. The threads run one after the other in every trace here
 * (the run never deadlocked); what differs is what orders them.
 */
class PredictiveLockOrderAnalysisTest {

    private static final class Bank {
        final TraceScript s = new TraceScript();
        final int main = s.thread("main");
        final int startSite = s.site("com.acme.Main", "main", 5);
        final int t1 = s.thread("t1", main, startSite);
        final int t2 = s.thread("t2", main, startSite);
        final int t3 = s.thread("t3", main, startSite);
        final long a = s.lockInField("java.lang.Object", s.field("com.acme.Bank", "a", "Ljava/lang/Object;"));
        final long b = s.lockInField("java.lang.Object", s.field("com.acme.Bank", "b", "Ljava/lang/Object;"));
        final long c = s.lockInField("java.lang.Object", s.field("com.acme.Bank", "c", "Ljava/lang/Object;"));
        final long gate = s.lockInField("java.lang.Object", s.field("com.acme.Bank", "gate", "Ljava/lang/Object;"));
        final long bank = s.object("com.acme.Bank");
        final int ready = s.field("com.acme.Bank", "ready", "Z");
        final int balance = s.field("com.acme.Bank", "balance", "J");
        final int siteA = s.site("com.acme.Bank", "transfer", 10);
        final int siteB = s.site("com.acme.Bank", "transfer", 11);
        final int siteB2 = s.site("com.acme.Bank", "refund", 20);
        final int siteA2 = s.site("com.acme.Bank", "refund", 21);
        final int siteC = s.site("com.acme.Bank", "audit", 30);
        final int siteGate = s.site("com.acme.Bank", "handOver", 40);

        Bank() {
            s.start(main, t1, startSite).start(main, t2, startSite).start(main, t3, startSite);
        }

        Bank nested(int t, long first, int firstSite, long second, int secondSite) {
            s.lock(t, first, firstSite).lock(t, second, secondSite).unlock(t, second, secondSite).unlock(t, first, firstSite);
            return this;
        }

        List<Finding> findings(FindingType type) {
            return TraceScript.ofType(s.analyze(AnalysisSet.PREDICTIVE), type);
        }
    }

    @Test
    void inversionOrderedOnlyByWhoTookTheLocksFirstIsAPredictedDeadlock() {
        Bank k = new Bank();
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB).nested(k.t2, k.b, k.siteB2, k.a, k.siteA2);
        AnalysisResult r = k.s.analyze(AnalysisSet.PREDICTIVE);
        List<Finding> predicted = TraceScript.ofType(r, FindingType.PREDICTED_DEADLOCK);
        assertEquals(1, predicted.size(), r.findings().toString());
        assertEquals(List.of(), TraceScript.ofType(r, FindingType.DEADLOCK), "the proven cycle is not also potential");
        // The witness: t1 stops taking b (line 11) holding a, t2 stops taking a (line 21) holding b.
        List<LockAcquisition> cycle = predicted.get(0).cycle();
        assertEquals("t1", cycle.get(0).thread().name());
        assertEquals("b", cycle.get(0).lock().field());
        assertEquals(11, cycle.get(0).acquiredAt().line());
        assertEquals("a", cycle.get(0).heldLocks().get(0).lock().field());
        assertEquals("t2", cycle.get(1).thread().name());
        assertEquals(21, cycle.get(1).acquiredAt().line());
        // The same cycle as the potential deadlock hb reports: one fingerprint, baselines carry over.
        Finding potential = TraceScript.ofType(k.s.analyze(AnalysisSet.HB), FindingType.DEADLOCK).get(0);
        assertEquals(potential.fingerprint(), predicted.get(0).fingerprint());
    }

    @Test
    void aTraceWithoutMemoryAccessesPredictsNothing() {
        // mode=locks: the read that would order the inversion (as in the test below) is not in the
        // trace, so a reordering the trace allows may not be the program's
        Bank k = new Bank();
        k.s.header(false);
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB).nested(k.t2, k.b, k.siteB2, k.a, k.siteA2);
        AnalysisResult r = k.s.analyze(AnalysisSet.PREDICTIVE);
        assertEquals(List.of(), TraceScript.ofType(r, FindingType.PREDICTED_DEADLOCK));
        assertEquals(1, TraceScript.ofType(r, FindingType.DEADLOCK).size());
        assertEquals(1, r.warnings().stream().filter(w -> w.startsWith("deadlocks not predicted: trace recorded"
                + " with mode=locks")).count(), r.warnings().toString());
    }

    @Test
    void aTraceThatMayHoldOwnedAccessesKeepsNoHistoryForPrediction() {
        for (boolean owned : new boolean[] {false, true}) {
            SyncPreservingTrace history = new SyncPreservingTrace();
            PredictiveLockOrderAnalysis a = new PredictiveLockOrderAnalysis(new TraceState(), history);
            a.header(new TraceHeader(2, 42, 0, "17", "test", "", true, true, owned));
            a.access(1, AccessTarget.FIELD, true, 7, 3, 1, 0);
            int before = history.position(1);
            a.lockRequest(1, 9, 0, 0);
            // a request starts a new position of the thread in the history kept for prediction
            assertEquals(owned ? before : before + 1, history.position(1), "owned " + owned);
        }
    }

    @Test
    void inversionOrderedByAHandOffInsideAGateIsOnlyPotential() {
        Bank k = new Bank();
        // t1: a then b; then, under the gate, ready = true. t2: under the gate, reads ready
        // (true: it reads t1's write), then b then a. Every correct reordering keeps that read
        // after the write, so t1 has left a and b before t2 starts its inversion.
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB);
        k.s.lock(k.t1, k.gate, k.siteGate).write(k.t1, k.bank, k.ready, k.siteGate).unlock(k.t1, k.gate, k.siteGate);
        k.s.lock(k.t2, k.gate, k.siteGate).read(k.t2, k.bank, k.ready, k.siteGate).unlock(k.t2, k.gate, k.siteGate);
        k.nested(k.t2, k.b, k.siteB2, k.a, k.siteA2);
        assertEquals(List.of(), k.findings(FindingType.PREDICTED_DEADLOCK));
        assertEquals(1, k.findings(FindingType.DEADLOCK).size());
    }

    @Test
    void theSameGateWithoutTheHandOffIsAPredictedDeadlock() {
        Bank k = new Bank();
        // Both critical sections on the gate, but t2 reads nothing t1 wrote: they can run the other way round.
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB);
        k.s.lock(k.t1, k.gate, k.siteGate).write(k.t1, k.bank, k.ready, k.siteGate).unlock(k.t1, k.gate, k.siteGate);
        k.s.lock(k.t2, k.gate, k.siteGate).read(k.t2, k.bank, k.balance, k.siteGate).unlock(k.t2, k.gate, k.siteGate);
        k.nested(k.t2, k.b, k.siteB2, k.a, k.siteA2);
        assertEquals(1, k.findings(FindingType.PREDICTED_DEADLOCK).size());
    }

    @Test
    void aRacyReadOfTheOtherThreadsWriteOrdersTheInversionToo() {
        Bank k = new Bank();
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB);
        k.s.write(k.t1, k.bank, k.ready, k.siteGate);
        k.s.read(k.t2, k.bank, k.ready, k.siteGate);
        k.nested(k.t2, k.b, k.siteB2, k.a, k.siteA2);
        assertEquals(List.of(), k.findings(FindingType.PREDICTED_DEADLOCK));
        assertEquals(1, k.findings(FindingType.DEADLOCK).size());
    }

    @Test
    void aWriteBeforeTheInversionReadByTheOtherThreadLeavesItPredicted() {
        Bank k = new Bank();
        // t2 depends on t1's write, but that write comes before t1 took a: both can still stop at once.
        k.s.write(k.t1, k.bank, k.ready, k.siteGate);
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB);
        k.s.read(k.t2, k.bank, k.ready, k.siteGate);
        k.nested(k.t2, k.b, k.siteB2, k.a, k.siteA2);
        assertEquals(1, k.findings(FindingType.PREDICTED_DEADLOCK).size());
    }

    /**
     * t1 holds a and c when it takes b; t2 takes c (after t1 released it) while holding b, then a.
     * For the cycle of a and b, a reordering that stops t1 at b with c held cannot have let t2
     * through c after it without changing the order of the two critical sections on c: not
     * sync-preserving (a reordering that lets t2 through c first does deadlock on a and b: that
     * one is beyond the prediction, so the cycle stays a potential deadlock). The cycle of b and
     * c is predicted: t1 stops at b holding c, t2 stops at c holding b.
     */
    @Test
    void aCriticalSectionTheOtherThreadEnteredLaterKeepsItsOrder() {
        Bank k = new Bank();
        k.s.lock(k.t1, k.a, k.siteA).lock(k.t1, k.c, k.siteC).lock(k.t1, k.b, k.siteB)
                .unlock(k.t1, k.b, k.siteB).unlock(k.t1, k.c, k.siteC).unlock(k.t1, k.a, k.siteA);
        k.s.lock(k.t2, k.b, k.siteB2).lock(k.t2, k.c, k.siteC).unlock(k.t2, k.c, k.siteC)
                .lock(k.t2, k.a, k.siteA2).unlock(k.t2, k.a, k.siteA2).unlock(k.t2, k.b, k.siteB2);
        assertEquals(List.of(Set.of("b", "c")), locks(k.findings(FindingType.PREDICTED_DEADLOCK)));
        assertEquals(List.of(Set.of("a", "b")), locks(k.findings(FindingType.DEADLOCK)));
    }

    private static List<Set<String>> locks(List<Finding> cycles) {
        return cycles.stream().map(f -> f.cycle().stream().map(a -> a.lock().field()).collect(Collectors.toSet()))
                .toList();
    }

    @Test
    void aCriticalSectionBothThreadsLeftBeforeTheirInversionsDoesNotOrderThem() {
        Bank k = new Bank();
        k.s.lock(k.t1, k.a, k.siteA).lock(k.t1, k.c, k.siteC).unlock(k.t1, k.c, k.siteC).lock(k.t1, k.b, k.siteB)
                .unlock(k.t1, k.b, k.siteB).unlock(k.t1, k.a, k.siteA);
        k.s.lock(k.t2, k.b, k.siteB2).lock(k.t2, k.c, k.siteC).unlock(k.t2, k.c, k.siteC)
                .lock(k.t2, k.a, k.siteA2).unlock(k.t2, k.a, k.siteA2).unlock(k.t2, k.b, k.siteB2);
        assertEquals(1, k.findings(FindingType.PREDICTED_DEADLOCK).size());
    }

    @Test
    void aThreeLockCycleAcrossThreeThreadsIsPredicted() {
        Bank k = new Bank();
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB).nested(k.t2, k.b, k.siteB2, k.c, k.siteC)
                .nested(k.t3, k.c, k.siteC, k.a, k.siteA2);
        List<Finding> predicted = k.findings(FindingType.PREDICTED_DEADLOCK);
        assertEquals(1, predicted.size());
        assertEquals(3, predicted.get(0).cycle().size());
    }

    @Test
    void aBankTransferBetweenTwoAccountsIsPredictedAmongInstances() {
        TraceScript s = new TraceScript();
        int main = s.thread("main");
        int t1 = s.thread("t1", main, -1);
        int t2 = s.thread("t2", main, -1);
        int site = s.site("com.acme.Bank", "transfer", 7);
        int inner = s.site("com.acme.Bank", "transfer", 8);
        long x = s.object("com.acme.Account");
        long y = s.object("com.acme.Account");
        s.start(main, t1, -1).start(main, t2, -1);
        s.lock(t1, x, site).lock(t1, y, inner).unlock(t1, y, inner).unlock(t1, x, site);
        s.lock(t2, y, site).lock(t2, x, inner).unlock(t2, x, inner).unlock(t2, y, site);
        AnalysisResult r = s.analyze(AnalysisSet.PREDICTIVE);
        assertEquals(1, TraceScript.ofType(r, FindingType.PREDICTED_DEADLOCK).size(), r.findings().toString());
        assertEquals(List.of(), TraceScript.ofType(r, FindingType.DEADLOCK));
    }

    @Test
    void withoutPredictionEveryCycleIsAPotentialDeadlock() {
        Bank k = new Bank();
        k.nested(k.t1, k.a, k.siteA, k.b, k.siteB).nested(k.t2, k.b, k.siteB2, k.a, k.siteA2);
        AnalysisResult r = k.s.analyze(AnalysisSet.HB);
        assertEquals(1, TraceScript.ofType(r, FindingType.DEADLOCK).size());
        assertEquals(List.of(), TraceScript.ofType(r, FindingType.PREDICTED_DEADLOCK));
    }
}
