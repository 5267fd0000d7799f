package dev.racelock.analyzer.race;

import dev.racelock.analyzer.finding.RaceClassification;

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

    RaceRecord(RaceLocation location, int index, AccessRecord earlier, AccessRecord later, int test) {
        this.location = location;
        this.index = index;
        this.earlier = earlier;
        this.later = later;
        this.test = test;
    }
}
