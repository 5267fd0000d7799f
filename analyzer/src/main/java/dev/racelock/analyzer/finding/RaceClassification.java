package dev.racelock.analyzer.finding;

/**
 * The pattern of a race, where the two accesses make it clear; {@link #id()} is what JSON, SARIF
 * and the samples' expectations spell.
 */
public enum RaceClassification {
    /** Both sides read-modify-write the location ({@code x++}): one update can be lost. */
    LOST_UPDATE("lost-update"),
    /** Both threads read the location, then wrote it ({@code if (x == null) x = ...}). */
    CHECK_THEN_ACT("check-then-act"),
    /** A long or double location: a non-volatile 64-bit write may be seen half done (JLS 17.7). */
    TORN_LONG("torn-long"),
    /** A reference written and read racily, and the reader then used what it got. */
    UNSAFE_PUBLICATION("unsafe-publication"),
    /**
     * One thread iterates a non-thread-safe JDK collection while another modifies it: a
     * ConcurrentModificationException (or a silently wrong iteration) waiting to happen.
     */
    ITERATION_MODIFICATION("iteration-modification");

    private final String id;

    RaceClassification(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static RaceClassification fromId(String id) {
        for (RaceClassification c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown race classification '" + id
                + "' (expected lost-update, check-then-act, torn-long, unsafe-publication or iteration-modification)");
    }
}
