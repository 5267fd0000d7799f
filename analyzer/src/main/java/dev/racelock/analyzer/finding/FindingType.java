package dev.racelock.analyzer.finding;

import dev.racelock.trace.EnumIds;

/**
 * The kinds of finding; {@link #id()} (the name in lower case, {@code data-race}) is what reports,
 * baselines and suppressions use.
 */
public enum FindingType {
    DATA_RACE(Category.RACE),
    DEADLOCK(Category.DEADLOCK),
    OBSERVED_DEADLOCK(Category.DEADLOCK),
    /** A race this run's order hid behind a lock hand-off, predicted by the WCP analysis. */
    PREDICTED_RACE(Category.RACE),
    /**
     * A lock-order cycle that a correct reordering of this run deadlocks (sync-preserving
     * deadlock prediction): sound, where a {@link #DEADLOCK} is a potential one.
     */
    PREDICTED_DEADLOCK(Category.DEADLOCK);

    /** What {@code --fail-on race,deadlock} selects by. */
    public enum Category { RACE, DEADLOCK }

    private final Category category;

    FindingType(Category category) {
        this.category = category;
    }

    public String id() { return EnumIds.of(this); }

    public Category category() { return category; }

    /** @throws IllegalArgumentException naming the accepted values */
    public static FindingType fromId(String id) {
        return EnumIds.parse(FindingType.class, "finding type", id);
    }
}
