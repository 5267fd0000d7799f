package dev.racelock.analyzer.race;

import dev.racelock.analyzer.finding.MemoryLocation;

/**
 * The location class races are grouped by: a field ({@code Counter.hits}) or the elements of the
 * arrays allocated at one site ({@code element of int[] allocated at Buffer.java:9}).
 *
 * @param shown       what findings say the race is on
 * @param dedupeKey   identity within one trace (may contain lines)
 * @param fingerprint line-free, id-free key for fingerprints
 * @param array       elements of an array (each access then has an index)
 * @param wide        a long or double value: unordered accesses may tear (JLS 17.7)
 * @param reference   holds a reference: a racy write/read may publish an object unsafely
 */
record RaceLocation(MemoryLocation shown, String dedupeKey, String fingerprint, boolean array, boolean wide,
                    boolean reference) {}
