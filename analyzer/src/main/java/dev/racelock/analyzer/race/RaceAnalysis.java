package dev.racelock.analyzer.race;

import dev.racelock.analyzer.collect.DenseTable;
import dev.racelock.analyzer.collect.LongObjectMap;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.hb.ClockedAnalysis;
import dev.racelock.analyzer.hb.VectorClock;
import dev.racelock.analyzer.state.LockHolds;
import dev.racelock.analyzer.state.TraceDictionary;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LockFlags;
import dev.racelock.trace.ObjectInfo;
import dev.racelock.trace.TraceHeader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Happens-before data races with FastTrack epochs (Flanagan &amp; Freund, PLDI 2009). Every race
 * it reports is a pair of conflicting accesses (same location, at least one write, different
 * threads) that no happens-before edge orders in the observed execution; volatile and atomic
 * accesses are synchronization and never race (JLS 17.4.5).
 *
 * <p>Per access: the same-epoch fast path returns at once; otherwise the last write (an epoch)
 * and the last reads (an epoch, or a read vector once reads are concurrent) are checked against
 * the accessing thread's vector clock.
 */
public final class RaceAnalysis extends ClockedAnalysis {

    /** Told of every racing access, before dedupe (tests compare with an oracle through it). */
    @FunctionalInterface
    public interface RaceObserver {
        void race(long object, int slot);
    }

    private final TraceState state;
    private final TraceDictionary dictionary;
    private final LockHolds holds;
    private final ShadowMemory memory = new ShadowMemory();
    private final RaceClassifier classifier;
    private final DenseTable<RaceLocation> fieldLocations = new DenseTable<>();
    private final LongObjectMap<RaceLocation> arrayLocations = new LongObjectMap<>();
    private final Map<RaceKey, RaceRecord> races = new LinkedHashMap<>();
    /** Races of a reference written then read: unsafe publication once the reader uses what it got. */
    private final List<RaceRecord> publications = new ArrayList<>();
    private static final int MAX_PUBLICATIONS = 1_000;
    private final List<String> warnings = new ArrayList<>();
    private RaceObserver observer;
    private boolean enabled = true;
    private boolean rangeCapped;

    /** Longest prefix of an array range access that is checked element by element. */
    static final int MAX_RANGE_ELEMENTS = 1 << 16;

    private record RaceKey(String location, int siteLow, int siteHigh) {}

    public RaceAnalysis(TraceState state) {
        super(true);
        this.state = state;
        this.dictionary = state.dictionary();
        this.holds = state.holds();
        this.classifier = new RaceClassifier(dictionary);
    }

    public void observeRaces(RaceObserver o) {
        observer = o;
    }

    @Override
    public void header(TraceHeader header) {
        if (!header.recordsMemory()) {
            enabled = false;
            warnings.add("races not analyzed: trace recorded with mode=locks");
        }
    }

    // ---- accesses -----------------------------------------------------------------------------

    @Override
    public void read(int thread, long object, int field, int site) {
        if (enabled) {
            access(thread, object, field, site, false, false);
        }
    }

    @Override
    public void write(int thread, long object, int field, int site) {
        if (enabled) {
            access(thread, object, field, site, true, false);
        }
    }

    @Override
    public void arrayRead(int thread, long array, int index, int site) {
        if (enabled) {
            access(thread, array, index, site, false, true);
        }
    }

    @Override
    public void arrayWrite(int thread, long array, int index, int site) {
        if (enabled) {
            access(thread, array, index, site, true, true);
        }
    }

    @Override
    public void arrayRangeRead(int thread, long array, int from, int length, int site) {
        if (enabled) {
            for (int i = 0, n = rangeLength(length); i < n; i++) {
                access(thread, array, from + i, site, false, true);
            }
        }
    }

    @Override
    public void arrayRangeWrite(int thread, long array, int from, int length, int site) {
        if (enabled) {
            for (int i = 0, n = rangeLength(length); i < n; i++) {
                access(thread, array, from + i, site, true, true);
            }
        }
    }

    /**
     * Elements of one range access that get shadow state: each element is a location of its own,
     * so an Arrays.fill of a huge array would otherwise take memory in proportion to its length.
     */
    private int rangeLength(int length) {
        if (length > MAX_RANGE_ELEMENTS) {
            if (!rangeCapped) {
                rangeCapped = true;
                warnings.add("array range accesses longer than " + MAX_RANGE_ELEMENTS
                        + " elements (e.g. arraycopy, Arrays.fill) were checked on their first " + MAX_RANGE_ELEMENTS
                        + " elements only");
            }
            return MAX_RANGE_ELEMENTS;
        }
        return length;
    }

    private void access(int t, long object, int slot, int site, boolean write, boolean array) {
        LocationShadow x = memory.location(object, slot);
        VectorClock ct = hb.clock(t);
        int now = ct.get(t);
        if (write) {
            if (x.writeThread == t && x.writeClock == now) {
                return; // [WRITE SAME EPOCH]
            }
            boolean shared = x.readShared();
            // This thread's own read in this epoch, if any: the write is then a read-modify-write.
            int readSite = shared ? (x.reads.clock(t) == now ? x.reads.site[t] : -1)
                    : (x.readThread == t && x.readClock == now ? x.readSite : -1);
            int w = x.writeThread;
            if (w >= 0 && x.writeClock > ct.get(w)) {
                race(object, slot, array, x.writeRecord(), t, true, site, readSite);
            }
            if (shared) {
                // [WRITE SHARED]: every read must be ordered before this write.
                ReadVector rv = x.reads;
                boolean racing = false;
                for (int u = 0; u < rv.clock.length; u++) {
                    if (u != t && rv.clock[u] > ct.get(u)) {
                        racing = true;
                        race(object, slot, array, new AccessRecord(u, false, rv.site[u], rv.context[u], rv.lockSet[u], -1),
                                t, true, site, readSite);
                    }
                }
                if (!racing) {
                    // Ordered after every read: back to an (empty) read epoch. Reads that raced
                    // with this write stay: they are still unordered with what comes next, and a
                    // reader's own later write needs its read to be seen as read-modify-write.
                    rv.deactivate();
                    x.readThread = -1;
                }
            } else {
                int r = x.readThread;
                if (r >= 0 && r != t && x.readClock > ct.get(r)) {
                    race(object, slot, array, x.readRecord(), t, true, site, readSite); // [WRITE EXCLUSIVE]
                }
            }
            x.writeThread = t;
            x.writeClock = now;
            x.writeSite = site;
            x.writeContext = state.contexts().current(t);
            x.writeLockSet = holds.lockSet(t);
            x.writeReadSite = readSite;
        } else {
            boolean shared = x.readShared();
            if (shared ? x.reads.clock(t) == now : x.readThread == t && x.readClock == now) {
                return; // [READ SAME EPOCH]
            }
            int w = x.writeThread;
            if (w >= 0 && x.writeClock > ct.get(w)) {
                race(object, slot, array, x.writeRecord(), t, false, site, -1);
            }
            int context = state.contexts().current(t);
            int lockSet = holds.lockSet(t);
            if (shared) {
                x.reads.set(t, now, site, context, lockSet); // [READ SHARED]
            } else {
                int r = x.readThread;
                if (r >= 0 && r != t && x.readClock > ct.get(r)) {
                    // [READ SHARE]: two concurrent reads, inflate the epoch to a read vector.
                    if (x.reads == null) {
                        x.reads = new ReadVector(Math.max(dictionary.threadCount(), Math.max(r, t) + 1));
                    }
                    x.reads.active = true;
                    x.reads.set(r, x.readClock, x.readSite, x.readContext, x.readLockSet);
                    x.reads.set(t, now, site, context, lockSet);
                    x.readThread = -1;
                } else {
                    x.readThread = t; // [READ EXCLUSIVE]
                    x.readClock = now;
                    x.readSite = site;
                    x.readContext = context;
                    x.readLockSet = lockSet;
                }
            }
        }
    }

    private void race(long object, int slot, boolean array, AccessRecord earlier, int t, boolean write, int site, int readSite) {
        AccessRecord later = new AccessRecord(t, write, site, state.contexts().current(t), holds.lockSet(t), readSite);
        if (observer != null) {
            observer.race(object, slot);
        }
        RaceLocation location = array ? arrayLocation(object) : fieldLocation(slot);
        RaceKey key = new RaceKey(location.dedupeKey(), Math.min(earlier.site(), site), Math.max(earlier.site(), site));
        RaceRecord record = races.get(key);
        if (record == null) {
            record = new RaceRecord(location, slot, earlier, later);
            races.put(key, record);
            if (location.reference() && earlier.write() && !write && publications.size() < MAX_PUBLICATIONS) {
                publications.add(record);
            }
        } else if (record.occurrences < Integer.MAX_VALUE) {
            record.occurrences++;
        }
        if (record.classification == null) {
            record.classification = classifier.classify(location, earlier, later);
        }
        if (earlier.write() && !write && !publications.isEmpty()) {
            confirmPublications(record, earlier.thread(), t);
        }
    }

    /**
     * A racy read of a reference, then (in the same reader) a racy read of something the same
     * writer wrote: the reader went on to use fields of what it was handed without an edge, the
     * unsafe-publication pattern (JLS 17.5 gives that guarantee to final fields only).
     */
    private void confirmPublications(RaceRecord current, int writer, int reader) {
        for (RaceRecord p : publications) {
            if (p != current && p.earlier.thread() == writer && p.later.thread() == reader) {
                p.publishedFieldsRead = true;
            }
        }
    }

    private RaceLocation fieldLocation(int field) {
        RaceLocation l = fieldLocations.get(field);
        if (l == null) {
            FieldInfo f = dictionary.field(field);
            String descriptor = f == null ? "" : f.descriptor();
            MemoryLocation shown = f == null ? MemoryLocation.field(null, "field#" + field) : MemoryLocation.field(f.owner(), f.name());
            l = new RaceLocation(shown, "field:" + dictionary.fieldKey(field), "field:" + dictionary.fieldKey(field), false,
                    descriptor.equals("J") || descriptor.equals("D"),
                    descriptor.startsWith("L") || descriptor.startsWith("["));
            fieldLocations.put(field, l);
        }
        return l;
    }

    private RaceLocation arrayLocation(long array) {
        RaceLocation l = arrayLocations.get(array);
        if (l == null) {
            ObjectInfo info = dictionary.object(array);
            String type = info == null || info.className() == null ? "array" : TraceDictionary.simpleName(info.className());
            int alloc = info == null ? -1 : info.allocationSite();
            boolean known = dictionary.sourceSite(alloc) != null;
            MemoryLocation shown = MemoryLocation.arrayElement(info == null ? null : info.className(),
                    known ? dictionary.sourceSite(alloc) : null);
            String dedupeKey = "array:" + type + (known ? "@" + dictionary.siteText(alloc) : "");
            String fingerprint = "array:" + (info == null ? "?" : info.className())
                    + (known ? "@" + dictionary.siteMethodKey(alloc) : "");
            String component = type.endsWith("[]") ? type.substring(0, type.length() - 2) : "";
            l = new RaceLocation(shown, dedupeKey, fingerprint, true,
                    component.equals("long") || component.equals("double"),
                    !component.isEmpty() && !isPrimitive(component));
            arrayLocations.put(array, l);
        }
        return l;
    }

    private static boolean isPrimitive(String name) {
        return switch (name) {
            case "boolean", "byte", "char", "short", "int", "long", "float", "double" -> true;
            default -> false;
        };
    }

    // ---- synchronization ----------------------------------------------------------------------

    @Override
    public void lockAcquire(int thread, long lock, int site, int flags) {
        if (holds.isOutermostAcquire(thread, lock, flags)) {
            hb.acquire(thread, lock, LockFlags.isShared(flags));
        }
    }

    @Override
    public void lockRelease(int thread, long lock, int site, int flags) {
        if (holds.isOutermostRelease(thread, lock, flags)) {
            hb.release(thread, lock, LockFlags.isShared(flags));
        }
    }

    @Override
    public void objectFreed(long object) {
        super.objectFreed(object);
        memory.free(object);
        arrayLocations.remove(object);
    }

    // ---- results ------------------------------------------------------------------------------

    @Override
    public List<Finding> findings() {
        return new RaceFindings(state).findings(races.values());
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Objects with shadow state (memory tests). */
    public int shadowObjects() {
        return memory.objects();
    }

    /** Locations with shadow state (memory tests). */
    public int shadowLocations() {
        return memory.locations();
    }

    /** Objects with lock, volatile or token clocks (memory tests). */
    public int synchronizationObjects() {
        return hb.trackedObjects();
    }
}
