/**
 * Primitive-keyed maps, dense tables, runs of array elements and interned trees the analyses keep
 * their state in, and the one table of per-location states in which each analysis has a column
 * ({@link dev.racelock.analyzer.collect.LocationStates}). Depends on nothing.
 */
package dev.racelock.analyzer.collect;
