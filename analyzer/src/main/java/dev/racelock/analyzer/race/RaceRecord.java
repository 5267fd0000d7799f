package dev.racelock.analyzer.race;

import dev.racelock.analyzer.finding.RaceClassification;

import java.util.ArrayList;
import java.util.List;

/** One distinct race (location class and unordered pair of sites), its first evidence and its count. */
final class RaceRecord {

    final RaceLocation location;
    final int index;
    final AccessRecord earlier;
    final AccessRecord later;
    /** The test the later access happened in (TestTimeline id), or TestTimeline.NONE. */
    final int test;
    int occurrences = 1;
    /** lost-update, check-then-act or torn-long, from the first occurrence that showed it; or null. */
    RaceClassification classification;
    /** For a reference written then read: the reader then raced on something the writer wrote. */
    boolean publishedFieldsRead;
    /** The races that followed this one (SchedulableOrder), one record per location and site pair; or null. */
    List<RaceRecord> followedBy;

    RaceRecord(RaceLocation location, int index, AccessRecord earlier, AccessRecord later, int test) {
        this.location = location;
        this.index = index;
        this.earlier = earlier;
        this.later = later;
        this.test = test;
    }

    /**
     * {@code count} occurrences of a race on {@code location} that SHB orders after this one:
     * counted with the record of its location and sites (as distinct races are, RaceRecords).
     */
    void followedBy(RaceLocation location, int index, AccessRecord earlier, AccessRecord later, int count) {
        if (followedBy == null) {
            followedBy = new ArrayList<>(2);
        }
        int low = Math.min(earlier.site(), later.site());
        int high = Math.max(earlier.site(), later.site());
        for (RaceRecord r : followedBy) {
            if (r.location.dedupeKey().equals(location.dedupeKey()) && Math.min(r.earlier.site(), r.later.site()) == low
                    && Math.max(r.earlier.site(), r.later.site()) == high) {
                r.occurrences = (int) Math.min(Integer.MAX_VALUE, (long) r.occurrences + count);
                return;
            }
        }
        RaceRecord r = new RaceRecord(location, index, earlier, later, test);
        r.occurrences = count;
        followedBy.add(r);
    }
}
