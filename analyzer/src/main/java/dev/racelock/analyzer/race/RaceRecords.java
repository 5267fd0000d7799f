package dev.racelock.analyzer.race;

import dev.racelock.analyzer.collect.DenseTable;
import dev.racelock.analyzer.collect.LongObjectMap;
import dev.racelock.analyzer.finding.Finding;
import dev.racelock.analyzer.finding.MemoryLocation;
import dev.racelock.analyzer.state.TraceDictionary;
import dev.racelock.analyzer.state.TraceState;
import dev.racelock.trace.FieldInfo;
import dev.racelock.trace.LibraryState;
import dev.racelock.trace.ObjectInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The races detected so far, grouped into distinct bugs: one record per location class and
 * unordered pair of sites, with the first occurrence's evidence, a count of occurrences, the
 * classification and the unsafe-publication check. A detector (RaceAnalysis) reports each racing
 * access here in the order it finds them; how it finds them is none of this class's business.
 */
final class RaceRecords {

    /** Told of every racing access, before dedupe (tests compare detectors through it). */
    @FunctionalInterface
    interface Observer {
        /**
         * {@code count} consecutive slots from {@code slot} raced (array elements; 1 for a field),
         * as a consequence of an earlier race when {@code consequence}.
         */
        void race(long object, int slot, int count, boolean consequence);
    }

    private static final int MAX_PUBLICATIONS = 1_000;

    private final TraceState state;
    private final TraceDictionary dictionary;
    private final RaceClassifier classifier;
    private final DenseTable<RaceLocation> fieldLocations = new DenseTable<>();
    /** Of arrays and of modelled JDK instances (never the same object), per object id. */
    private final LongObjectMap<RaceLocation> objectLocations = new LongObjectMap<>();
    private final Map<RaceKey, RaceRecord> races = new LinkedHashMap<>();
    /** Races of a reference written then read: unsafe publication once the reader uses what it got. */
    private final List<RaceRecord> publications = new ArrayList<>();
    private Observer observer;
    // The record the last race went to, and its site pair.
    private RaceRecord last;
    private int lastLow;
    private int lastHigh;

    private record RaceKey(String location, int siteLow, int siteHigh) {}

    RaceRecords(TraceState state) {
        this.state = state;
        this.dictionary = state.dictionary();
        this.classifier = new RaceClassifier(dictionary);
    }

    void observe(Observer o) {
        observer = o;
    }

    /**
     * {@code later} races with {@code earlier} on {@code count} locations that share both
     * accesses: a field of {@code object} ({@code slot} = field id, count 1), or consecutive
     * elements of array {@code object} from index {@code slot}. Reporting n elements at once is
     * the same as reporting each of them in index order: the first one's index is kept as
     * evidence and the occurrences grow by n. With a {@code cause}, the race is a consequence of
     * that one (SchedulableOrder) and is kept as its evidence, not as a race of its own. Returns
     * the race this one is evidence of: the cause, else its own record.
     */
    RaceRecord add(long object, int slot, int count, boolean array, AccessRecord earlier, AccessRecord later,
                   RaceRecord cause) {
        if (observer != null) {
            observer.race(object, slot, count, cause != null);
        }
        RaceLocation location = array ? objectLocation(object, true) : fieldLocation(slot);
        if (location == STATE) {
            location = objectLocation(object, false);
        }
        if (cause != null) {
            cause.followedBy(location, slot, earlier, later, count);
            if (earlier.write() && !later.write() && !publications.isEmpty()) {
                confirmPublications(null, earlier.thread(), later.thread());
            }
            return cause;
        }
        int low = Math.min(earlier.site(), later.site());
        int high = Math.max(earlier.site(), later.site());
        RaceRecord record;
        if (last != null && last.location.dedupeKey().equals(location.dedupeKey()) && low == lastLow && high == lastHigh) {
            record = last; // one write racing with many reads at one site: no key to build and hash each time
        } else {
            RaceKey key = new RaceKey(location.dedupeKey(), low, high);
            record = races.get(key);
            if (record == null) {
                record = new RaceRecord(location, slot, earlier, later,
                        state.tests().current(later.thread()));
                record.occurrences = 0;
                races.put(key, record);
                if (location.reference() && earlier.write() && !later.write() && publications.size() < MAX_PUBLICATIONS) {
                    publications.add(record);
                }
            }
            last = record;
            lastLow = low;
            lastHigh = high;
        }
        record.occurrences = (int) Math.min(Integer.MAX_VALUE, (long) record.occurrences + count);
        if (record.classification == null) {
            record.classification = classifier.classify(location, earlier, later);
        }
        if (earlier.write() && !later.write() && !publications.isEmpty()) {
            confirmPublications(record, earlier.thread(), later.thread());
        }
        return record;
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

    /** Stands for the abstract-state field in {@link #fieldLocations}: its location class is per instance. */
    private static final RaceLocation STATE = new RaceLocation(null, "state", "state", false, false, false);

    private RaceLocation fieldLocation(int field) {
        RaceLocation l = fieldLocations.get(field);
        if (l == null) {
            FieldInfo f = dictionary.field(field);
            if (LibraryState.is(f)) {
                fieldLocations.put(field, STATE);
                return STATE;
            }
            String descriptor = f == null ? "" : f.descriptor();
            MemoryLocation shown = f == null ? MemoryLocation.field(null, "field#" + field) : MemoryLocation.field(f.owner(), f.name());
            l = new RaceLocation(shown, "field:" + dictionary.fieldKey(field), "field:" + dictionary.fieldKey(field), false,
                    descriptor.equals("J") || descriptor.equals("D"),
                    descriptor.startsWith("L") || descriptor.startsWith("["));
            fieldLocations.put(field, l);
        }
        return l;
    }

    /** The location class of an array's elements, or of a modelled JDK instance's state: described once per object. */
    private RaceLocation objectLocation(long object, boolean array) {
        RaceLocation l = objectLocations.get(object);
        if (l == null) {
            ObjectInfo info = dictionary.object(object);
            l = array ? describeArray(info) : describeState(info);
            objectLocations.put(object, l);
        }
        return l;
    }

    /** The location class of an array's elements: the arrays of its type allocated at its site. */
    private RaceLocation describeArray(ObjectInfo info) {
        String type = info == null || info.className() == null ? "array" : TraceDictionary.simpleName(info.className());
        int alloc = info == null ? -1 : info.allocationSite();
        MemoryLocation shown = MemoryLocation.arrayElement(info == null ? null : info.className(),
                dictionary.sourceSite(alloc));
        String dedupeKey = "array:" + type + atSite(alloc);
        String fingerprint = "array:" + (info == null ? "?" : info.className()) + atSiteMethod(alloc);
        String component = type.endsWith("[]") ? type.substring(0, type.length() - 2) : "";
        return new RaceLocation(shown, dedupeKey, fingerprint, true,
                component.equals("long") || component.equals("double"),
                !component.isEmpty() && !isPrimitive(component));
    }

    /**
     * The abstract state of a modelled JDK instance (docs/library-model.md): grouped, like a
     * field, by the field the instance was loaded from ({@code Registry.byName}), else, like an
     * array, by where it was first seen; the JDK class is part of the key.
     */
    private RaceLocation describeState(ObjectInfo info) {
        String type = info == null || info.className() == null ? "?" : info.className();
        FieldInfo heldIn = info == null || info.field() < 0 ? null : dictionary.field(info.field());
        if (heldIn != null) {
            String key = "state:" + type + "@field:" + dictionary.fieldKey(info.field());
            return new RaceLocation(MemoryLocation.libraryState(type, heldIn.owner(), heldIn.name(), null), key, key,
                    false, false, false);
        }
        int seen = info == null ? -1 : info.allocationSite();
        return new RaceLocation(MemoryLocation.libraryState(type, null, null, dictionary.sourceSite(seen)),
                "state:" + type + atSite(seen), "state:" + type + atSiteMethod(seen), false, false, false);
    }

    /**
     * The part of a location key that says where its objects were first seen (allocated, or
     * first met): {@code @Bank.java:12}, or nothing when the trace does not know the site.
     */
    private String atSite(int site) {
        return dictionary.sourceSite(site) == null ? "" : "@" + dictionary.siteText(site);
    }

    /** As {@link #atSite}, for fingerprints: the site's method without its line, which edits move. */
    private String atSiteMethod(int site) {
        return dictionary.sourceSite(site) == null ? "" : "@" + dictionary.siteMethodKey(site);
    }

    private static boolean isPrimitive(String name) {
        return switch (name) {
            case "boolean", "byte", "char", "short", "int", "long", "float", "double" -> true;
            default -> false;
        };
    }

    /** The object's location class is no longer needed: the array or JDK instance is gone. */
    void freed(long object) {
        objectLocations.remove(object);
    }

    List<Finding> findings() {
        return new RaceFindings(state).findings(races.values());
    }
}
