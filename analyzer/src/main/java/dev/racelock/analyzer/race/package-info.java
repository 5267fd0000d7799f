/**
 * Data races by happens-before: FastTrack's epochs and read vectors over shadow memory, the race
 * records and their classification, and the races that only follow an earlier one (schedulable
 * happens-before; docs/analyses.md, "Data races", "Races that follow a race"). Builds on {@code hb};
 * independent of the other analyses.
 */
package dev.racelock.analyzer.race;
