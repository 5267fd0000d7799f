package dev.racelock.analyzer.finding;

import dev.racelock.trace.EnumIds;

/**
 * The pattern of a race, where the two accesses make it clear; {@link #id()} is what JSON, SARIF
 * and the samples' expectations spell.
 */
public enum RaceClassification {
    /** Both sides read-modify-write the location ({@code x++}): one update can be lost. */
    LOST_UPDATE,
    /** Both threads read the location, then wrote it ({@code if (x == null) x = ...}). */
    CHECK_THEN_ACT,
    /** A long or double location: a non-volatile 64-bit write may be seen half done (JLS 17.7). */
    TORN_LONG,
    /** A reference written and read racily, and the reader then used what it got. */
    UNSAFE_PUBLICATION,
    /**
     * One thread iterates a non-thread-safe JDK collection while another modifies it: a
     * ConcurrentModificationException (or a silently wrong iteration) waiting to happen.
     */
    ITERATION_MODIFICATION;

    /** {@code LOST_UPDATE} is {@code lost-update} ({@link EnumIds}). */
    public String id() {
        return EnumIds.of(this);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static RaceClassification fromId(String id) {
        return EnumIds.parse(RaceClassification.class, "race classification", id);
    }
}
