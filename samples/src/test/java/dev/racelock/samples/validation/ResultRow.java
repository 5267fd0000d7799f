package dev.racelock.samples.validation;

/**
 * One line of the result table.
 *
 * @param sample   e.g. {@code race/LostUpdate}
 * @param expected the expectations in short form
 * @param found    the reported findings in short form, or what went wrong
 * @param verdict  the outcome
 * @param note     why it is not PASS (problems, missing capabilities), or empty
 */
public record ResultRow(String sample, String expected, String found, Verdict verdict, String note) {}
