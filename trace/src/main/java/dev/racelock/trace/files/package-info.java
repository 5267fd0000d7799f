/**
 * Trace files of either kind, binary or STD text: reading one ({@code TraceFiles}) and converting
 * between the kinds ({@code TraceConversions}). Sits above {@code trace.format} and
 * {@code trace.std}, which know only the event model of {@code dev.racelock.trace}.
 */
package dev.racelock.trace.files;
