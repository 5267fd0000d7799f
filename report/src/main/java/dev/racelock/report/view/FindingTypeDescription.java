package dev.racelock.report.view;

import dev.racelock.analyzer.finding.FindingType;

/**
 * Everything reports say about a kind of finding that does not depend on the finding itself: the
 * headline, the nouns of the summary line, how a cycle's acquisitions are told, and the rule texts
 * SARIF viewers (GitHub code scanning) show next to a result. Adding a finding type adds one case
 * here; the compiler points at it.
 *
 * @param headline         the start of the title, {@code DATA RACE}
 * @param singular         {@code data race}
 * @param plural           {@code data races}
 * @param blocked          for a lock cycle: the threads were seen blocked (else they took the locks)
 * @param explanation      for a lock cycle: why it is a bug; null for races, whose explanation
 *                         depends on the accesses
 * @param ruleName         PascalCase rule name, {@code DataRace}
 * @param shortDescription one sentence
 * @param fullDescription  what it means and why it matters
 * @param help             how to fix it
 */
public record FindingTypeDescription(String headline, String singular, String plural, boolean blocked,
                                     String explanation, String ruleName, String shortDescription,
                                     String fullDescription, String help) {

    public static FindingTypeDescription of(FindingType type) {
        return switch (type) {
            case DATA_RACE -> new FindingTypeDescription("DATA RACE", "data race", "data races", false, null,
                    "DataRace",
                    "Two threads access the same memory location, at least one writes, and nothing orders them.",
                    "Two threads accessed the same field or array element, at least one of them wrote it, and no"
                            + " happens-before edge (lock, volatile, thread start/join, executor or queue hand-off)"
                            + " orders the two accesses. Under the Java Memory Model (JLS 17.4.5) the program then"
                            + " has a data race: a reader may see a stale or torn value and read-modify-write"
                            + " sequences may lose updates.",
                    "Make the two accesses ordered: guard both with the same lock, make the field volatile or an"
                            + " atomic (AtomicInteger, VarHandle) when a single variable is shared, or hand the data"
                            + " over through a thread-safe channel (BlockingQueue, Future, CountDownLatch). Both"
                            + " accesses, their stacks and the locks each thread held are listed in the result.");
            case PREDICTED_RACE -> new FindingTypeDescription("PREDICTED DATA RACE", "predicted data race",
                    "predicted data races", false, null, "PredictedDataRace",
                    "Two accesses that only the order of two critical sections on one lock kept apart in this run.",
                    "In this run a lock hand-off ordered the two accesses, but the critical sections involved touch"
                            + " no common data, so another schedule takes the lock in the other order; then nothing"
                            + " orders the accesses and the program has a data race (JLS 17.4.5). Predicted with weak"
                            + " causal precedence (Kini, Mathur and Viswanathan, PLDI 2017).",
                    "Order the two accesses themselves, not by chance: guard both with the same lock, make the"
                            + " field volatile or atomic, or hand the data over through a thread-safe channel. The"
                            + " result lists both accesses and the two critical sections whose order hid the race.");
            case DEADLOCK -> new FindingTypeDescription("POTENTIAL DEADLOCK", "potential deadlock",
                    "potential deadlocks", false,
                    "Each thread holds a lock of the cycle while it waits for the next one, so if they run at the"
                            + " same time each waits for the other forever. The acquisitions come from different"
                            + " threads, none is a tryLock, no common lock guards them, and nothing (thread"
                            + " start/join, volatile, or a library hand-off) orders them.",
                    "Deadlock",
                    "Threads take the same locks in inconsistent orders, so they can deadlock.",
                    "The lock-order graph of the run has a cycle: each thread acquired the next lock of the cycle"
                            + " while holding the previous one, the acquisitions came from different threads, no"
                            + " common gate lock serializes them and nothing orders them by happens-before. The run"
                            + " itself may have completed, but a different interleaving blocks every thread of the"
                            + " cycle forever.",
                    "Take the locks of the cycle in one global order everywhere (for example by account id), merge"
                            + " them into one lock, or use tryLock with a timeout and back off. Each acquisition of"
                            + " the cycle is listed with its thread, stack and the locks already held.");
            case PREDICTED_DEADLOCK -> new FindingTypeDescription("PREDICTED DEADLOCK", "predicted deadlock",
                    "predicted deadlocks", false,
                    "A reordering of this run that keeps the value every read saw and the order of the critical"
                            + " sections of each lock it runs stops each thread at the acquisition shown, holding the"
                            + " previous lock of the cycle: each waits for the next thread forever. Predicted as a"
                            + " sync-preserving deadlock (Tunç, Mathur, Pavlogiannis and Viswanathan, PLDI 2023)",
                    "PredictedDeadlock",
                    "Threads take the same locks in inconsistent orders, and a schedule of this very run deadlocks.",
                    "The lock-order graph of the run has a cycle, and a correct reordering of the recorded run (every"
                            + " read sees the same write, every lock's critical sections keep their order) brings each"
                            + " thread of the cycle to its acquisition at once, each holding the lock the previous"
                            + " thread waits for. The run itself may have completed, but that schedule of the same"
                            + " events blocks every thread of the cycle forever.",
                    "Take the locks of the cycle in one global order everywhere (for example by account id), merge"
                            + " them into one lock, or use tryLock with a timeout and back off. Each acquisition of"
                            + " the cycle is listed with its thread, stack and the locks already held: in the"
                            + " predicted schedule, that is where each thread stops.");
            case OBSERVED_DEADLOCK -> new FindingTypeDescription("DEADLOCK", "observed deadlock", "observed deadlocks",
                    true,
                    "These threads were blocked at the same time, each waiting for a lock that the next one holds:"
                            + " none of them can ever proceed.",
                    "ObservedDeadlock",
                    "Threads were blocked on each other's locks: the run deadlocked.",
                    "While the program ran, the agent saw a set of threads each blocked acquiring a lock held by"
                            + " the next thread of the set. The process could not make progress; racelock recorded"
                            + " the cycle with every thread's stack.",
                    "Take the locks of the cycle in one global order everywhere, merge them into one lock, or use"
                            + " tryLock with a timeout and back off. Each blocked thread is listed with the lock it"
                            + " waited for, its stack and the locks it held.");
        };
    }
}
