/**
 * Predicted races: weak causal precedence with the reads-from order (docs/analyses.md, "Predicted
 * races"), races another schedule of the same program shows. Independent of the other analyses.
 */
package dev.racelock.analyzer.predict;
