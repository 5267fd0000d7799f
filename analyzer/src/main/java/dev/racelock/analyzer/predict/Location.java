package dev.racelock.analyzer.predict;

/**
 * WCP shadow state of one memory location: the last write and the last reads as epochs
 * (FastTrack's representation, PLDI 2009, applied to the WCP clock as the WCP paper does), each
 * with its evidence; the clock of the last write, which a read that raced with it takes (the
 * reads-from edge, below); and per lock, the last critical sections that read and wrote it
 * (rule (a) of WCP).
 */
final class Location {

    final long object;
    final int slot;
    Location nextOfObject;

    int writeThread = -1;
    int writeEpoch;
    int writeSite;
    int writeContext;
    int writeLockSet;
    /** max(H, P) at the last write (shared, never modified). */
    int[] writeClock;

    int readThread = -1;
    int readEpoch;
    int readSite;
    int readContext;
    int readLockSet;
    /** Per thread, the epoch of its last read (0: none), while reads are unordered; else null. */
    int[] reads;
    int[] readSites;
    int[] readContexts;
    int[] readLockSets;

    /** Rule (a) state per lock this location was accessed under. */
    Guard guards;

    Location(long object, int slot) {
        this.object = object;
        this.slot = slot;
    }

    Guard guard(long lock) {
        for (Guard g = guards; g != null; g = g.next) {
            if (g.lock == lock) {
                return g;
            }
        }
        Guard g = new Guard(lock, guards);
        guards = g;
        return g;
    }

    void addRead(int t, int epoch, int site, int context, int lockSet) {
        if (t >= reads.length) {
            int n = Math.max(t + 1, reads.length * 2);
            reads = java.util.Arrays.copyOf(reads, n);
            readSites = java.util.Arrays.copyOf(readSites, n);
            readContexts = java.util.Arrays.copyOf(readContexts, n);
            readLockSets = java.util.Arrays.copyOf(readLockSets, n);
        }
        reads[t] = epoch;
        readSites[t] = site;
        readContexts[t] = context;
        readLockSets[t] = lockSet;
    }

    void shareReads(int width) {
        int n = Math.max(4, width);
        reads = new int[n];
        readSites = new int[n];
        readContexts = new int[n];
        readLockSets = new int[n];
        if (readThread >= 0) {
            addRead(readThread, readEpoch, readSite, readContext, readLockSet);
            readThread = -1;
        }
    }

    /**
     * For one lock: the last critical section that wrote (read) this location, and the last one
     * of a thread other than that one's, so the latest section of any thread but the accessing
     * one is at hand (releases of one lock are ordered, so it covers all earlier ones).
     */
    static final class Guard {
        final long lock;
        final Guard next;
        CriticalSection lastWrite;
        CriticalSection lastWriteOther;
        CriticalSection lastRead;
        CriticalSection lastReadOther;

        Guard(long lock, Guard next) {
            this.lock = lock;
            this.next = next;
        }

        static CriticalSection foreign(CriticalSection last, CriticalSection other, int t) {
            if (last == null) {
                return null;
            }
            return last.thread != t ? last : other;
        }

        void wrote(CriticalSection cs) {
            if (lastWrite != cs) {
                if (lastWrite != null && lastWrite.thread != cs.thread) {
                    lastWriteOther = lastWrite;
                }
                lastWrite = cs;
            }
        }

        void read(CriticalSection cs) {
            if (lastRead != cs) {
                if (lastRead != null && lastRead.thread != cs.thread) {
                    lastReadOther = lastRead;
                }
                lastRead = cs;
            }
        }
    }
}
