/**
 * What every analysis of one session shares about the trace: its dictionaries, calling contexts,
 * lock classes and the locks each thread holds, read by the analyses, never changed by them; and
 * the table of per-location states, in which each analysis reads and writes only the column it
 * claimed (TraceState.locations), so that a memory access is looked up once for all of them.
 */
package dev.racelock.analyzer.state;
