package dev.racelock.agent.runtime;

/**
 * Whether the Runnable a thread was started with is recorded code, so that the frame it enters
 * can be marked as the thread's entry (trace format 2.4, {@code ContextInfo.THREAD_ENTRY}) and a
 * report says a stack is whole only when it reached where its thread began. Called once per
 * thread, from java.lang.Thread.run, never on the hot path.
 */
final class ThreadEntries {

    private ThreadEntries() {}

    /**
     * True when {@code task}'s class is instrumented, or for a lambda or method reference, when the
     * class that wrote it is: LambdaMetafactory defines the proxy as a hidden class in the nest of
     * that class (JDK 15+), and the proxy only forwards to a method of it. Every instrumented class
     * implements {@link Identified} (its topmost instrumented ancestor carries it); a task of a JDK
     * pool's worker, of an excluded class, or whose class could not be instrumented is not recorded.
     */
    static boolean isRecorded(Runnable task) {
        if (task == null) {
            return false;
        }
        Class<?> type = task.getClass();
        return Identified.class.isAssignableFrom(type.isHidden() ? type.getNestHost() : type);
    }
}
