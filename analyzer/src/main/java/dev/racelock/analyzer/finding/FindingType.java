package dev.racelock.analyzer.finding;

/** The kinds of finding; {@link #id()} is what reports, baselines and suppressions use. */
public enum FindingType {
    DATA_RACE("data-race", Category.RACE),
    DEADLOCK("deadlock", Category.DEADLOCK),
    OBSERVED_DEADLOCK("observed-deadlock", Category.DEADLOCK),
    /** A race this run's order hid behind a lock hand-off, predicted by the WCP analysis. */
    PREDICTED_RACE("predicted-race", Category.RACE),
    /**
     * A lock-order cycle that a correct reordering of this run deadlocks (sync-preserving
     * deadlock prediction): sound, where a {@link #DEADLOCK} is a potential one.
     */
    PREDICTED_DEADLOCK("predicted-deadlock", Category.DEADLOCK);

    /** What {@code --fail-on race,deadlock} selects by. */
    public enum Category { RACE, DEADLOCK }

    private final String id;
    private final Category category;

    FindingType(String id, Category category) {
        this.id = id;
        this.category = category;
    }

    public String id() { return id; }

    public Category category() { return category; }

    public static FindingType fromId(String id) {
        for (FindingType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown finding type '" + id + "'");
    }
}
