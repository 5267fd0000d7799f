/** Observed deadlocks: the cycles the agent's watchdog recorded, as findings. Independent of the other analyses. */
package dev.racelock.analyzer.observed;
