/**
 * What every analysis of one session shares about the trace: its dictionaries, calling contexts,
 * lock classes and the locks each thread holds. Read by the analyses, never changed by them.
 */
package dev.racelock.analyzer.state;
