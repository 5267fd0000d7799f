/** Primitive-keyed maps, dense tables and interned trees the analyses keep their state in. Depends on nothing. */
package dev.racelock.analyzer.collect;
