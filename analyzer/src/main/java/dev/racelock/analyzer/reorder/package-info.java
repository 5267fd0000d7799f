/**
 * What every correct reordering of a trace must keep (thread order, reads-from, start/join,
 * hand-offs) and the sync-preserving closure over it, shared by the analyses that predict from
 * other schedules of the same run (docs/analyses.md, "Predicted deadlocks"). Uses the collections and
 * the trace's kinds of access only; knows no analysis.
 */
package dev.racelock.analyzer.reorder;
