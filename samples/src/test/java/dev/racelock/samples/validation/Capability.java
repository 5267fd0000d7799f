package dev.racelock.samples.validation;

import java.util.EnumSet;
import java.util.Set;

/**
 * What racelock must model before a sample's expectations are meaningful, named in the sample by
 * {@code // requires <id>}. Without it the sample is reported PENDING, not failed: a correct twin
 * that relies on, say, a {@code ReentrantLock} would show a false race until the lock is hooked.
 */
public enum Capability {
    /** java.util.concurrent hand-offs: executors and futures, latches, queues (docs/juc.md). */
    JUC("juc"),
    /** java.util.concurrent.locks: ReentrantLock, ReadWriteLock, tryLock. */
    JUC_LOCKS("juc-locks"),
    /** Atomic* classes, VarHandles and field updaters as synchronization. */
    ATOMICS("atomics"),
    /** Class initialization: the end of {@code <clinit>} happens-before every use of the class (JLS 12.4.2). */
    CLINIT("clinit"),
    /**
     * Final fields exempt from races after construction (JLS 17.5). The agent provides it by not
     * recording final-field accesses (docs/agent.md).
     */
    FINAL_FIELDS("final-fields"),
    /**
     * Locks and arrays named by the field they are held in, their allocation site, their class
     * ({@code monitor of Account}) or the site where they were first taken ({@code ObjectInfo}
     * in the trace), not "monitor of an unknown object".
     */
    OBJECT_NAMES("object-names"),
    /**
     * A deadlock the watchdog observed is one finding: the lock-order cycle the same run
     * recorded on the same locks is folded into it rather than reported a second time.
     */
    FOLDED_OBSERVED_DEADLOCK("folded-observed-deadlock"),
    /**
     * Virtual threads recorded like platform threads: {@code Thread.ofVirtual().start} is a
     * thread start (JLS 17.4.4) and their end orders a join; the agent does not record either yet.
     */
    VIRTUAL_THREADS("virtual-threads"),
    /**
     * Races hidden behind lock order and deadlocks a reordering of the run realizes, predicted by
     * {@code --analysis predictive}: the harness analyzes a sample that requires it (or expects a
     * {@code predicted-race}) with that option.
     */
    PREDICTIVE("predictive");

    /**
     * What the agent and analyzer on this branch support: the ONE place to change when a
     * capability lands (e.g. add {@code JUC_LOCKS} with the java.util.concurrent.locks hooks).
     */
    static final Set<Capability> AVAILABLE = EnumSet.of(FINAL_FIELDS, OBJECT_NAMES, FOLDED_OBSERVED_DEADLOCK,
            JUC, JUC_LOCKS, ATOMICS, CLINIT, VIRTUAL_THREADS, PREDICTIVE);

    private final String id;

    Capability(String id) {
        this.id = id;
    }

    /** The name samples use after {@code requires}. */
    public String id() {
        return id;
    }

    /** @return the capability, or null if {@code id} names none */
    static Capability fromId(String id) {
        for (Capability c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
