package dev.racelock.agent.runtime;

/**
 * Class initialization as a hand-off (JLS 12.4.2: initialization completes under the class's
 * initialization lock, which every later initialization check acquires): the end of an
 * instrumented class's {@code <clinit>} is an {@code hbRelease} of the class's token (the id of
 * its Class object), and a thread's first static field access of that class an
 * {@code hbAcquire} of it.
 *
 * <p>Cost: every getstatic/putstatic of an instrumented class calls {@link #use}, which tests
 * one bit of the thread's own bitset (indexed by a dense class number assigned at transform
 * time). Only a thread's first use of a class does more: it makes sure the class is
 * initialized (which the instruction would do next anyway, so no initializer runs earlier than
 * it would have, and one running in another thread has finished) and then acquires the token,
 * so the acquire always follows the release (ThreadEventBuffer's sequence rule).
 */
public final class ClassInitHooks {
    private ClassInitHooks() {}

    /** Before the last return of {@code <clinit>}. */
    public static void initialized(Class<?> type, int site, ThreadContext c) {
        c.recorder.hbRelease(ObjectIds.of(type, site, c), site);
        c.markInitialized(-1);
    }

    /** Before a getstatic/putstatic of {@code type}, whose dense class number is {@code index}. */
    public static void use(Class<?> type, int index, int site, ThreadContext c) {
        if (c.markInitialized(index)) {
            return;
        }
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return; // the instruction itself fails the same way; nothing was initialized
        }
        c.recorder.hbAcquire(ObjectIds.of(type, site, c), site);
    }
}
