package dev.racelock.analyzer.race;

/**
 * The location class races are grouped by: a field ({@code Counter.hits}) or the elements of the
 * arrays allocated at one site ({@code element of int[] allocated at Buffer.java:9}).
 *
 * @param text        as titles show it
 * @param dedupeKey   identity within one trace (may contain lines)
 * @param fingerprint line-free, id-free key for fingerprints
 * @param array       elements of an array (access text then names the index)
 * @param wide        a long or double value: unordered accesses may tear (JLS 17.7)
 * @param reference   holds a reference: a racy write/read may publish an object unsafely
 */
record RaceLocation(String text, String dedupeKey, String fingerprint, boolean array, boolean wide, boolean reference) {

    /** The text for one access: the field, or {@code element [3] of int[] allocated at ...}. */
    String accessText(int index) {
        return array ? text.replaceFirst("^element ", "element [" + index + "] ") : text;
    }
}
