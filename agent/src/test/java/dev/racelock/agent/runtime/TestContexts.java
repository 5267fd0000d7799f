package dev.racelock.agent.runtime;

/** Thread contexts over a recorder of the test's own, for tests of the hooks in other packages. */
public final class TestContexts {
    private TestContexts() {}

    public static ThreadContext of(int thread, EventRecorder recorder) {
        return new ThreadContext(thread, recorder);
    }
}
