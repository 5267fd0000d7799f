/**
 * Potential deadlocks: the lock-order graph, its strongly connected components and bounded cycle
 * search, the filters that drop cycles no run can realize, and the deadlock findings
 * (docs/analyses.md, "Potential deadlocks"). Independent of the other analyses.
 */
package dev.racelock.analyzer.lockorder;
