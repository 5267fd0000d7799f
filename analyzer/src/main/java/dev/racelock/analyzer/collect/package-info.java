/** Primitive-keyed maps, dense tables, runs of array elements and interned trees the analyses keep their state in. Depends on nothing. */
package dev.racelock.analyzer.collect;
