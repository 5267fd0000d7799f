package dev.racelock.agent.runtime.juc;

/**
 * How an atomic operation or VarHandle access mode synchronizes: the bits of the {@code mode}
 * that {@code AtomicCallProbe} computes for a call and {@link VarHandleHooks} reads. Defined here,
 * in the runtime, because the instrumenter may use runtime classes but not the other way round:
 * the runtime is loaded on the boot class path, without ASM. (The probe's own CONDITIONAL bit,
 * which only chooses the hooks it emits, stays with the probe.)
 */
public final class AccessModes {
    /** A volatile write recorded before the call (ThreadEventBuffer's sequence rule). */
    public static final int RELEASE = 1;
    /** A volatile read recorded after the call. */
    public static final int ACQUIRE = 2;
    /** VarHandle {@code get} on a known field or array element: a plain read, recorded after the call. */
    public static final int PLAIN_READ = 4;
    /** VarHandle {@code set} on a known field or array element: a plain write, recorded before the call. */
    public static final int PLAIN_WRITE = 8;

    private AccessModes() {}
}
