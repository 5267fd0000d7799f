package dev.racelock.analyzer.predict;

/**
 * One exclusive critical section (outermost acquire to outermost release of one lock by one
 * thread): what WCP's rules (a) and (b) order, and the evidence a predicted race shows when
 * the order of two of them is what hid it.
 */
final class CriticalSection {

    final int thread;
    final long lock;
    /** The acquire's epoch (set once its joins are done): it is WCP-before an event of t' iff acqEpoch <= C_t'[thread]. */
    int acqEpoch;
    final int acqSite;
    final int acqContext;
    /** max(H, P) of the release, null while the section is open. */
    int[] relClock;
    /** relClock[thread]: the release's epoch (0 while open), kept apart so a skip touches no array. */
    int relEpoch;
    int relSite = -1;

    CriticalSection(int thread, long lock, int acqSite, int acqContext) {
        this.thread = thread;
        this.lock = lock;
        this.acqSite = acqSite;
        this.acqContext = acqContext;
    }
}
