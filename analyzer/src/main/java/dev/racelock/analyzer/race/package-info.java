/**
 * Data races by happens-before: FastTrack's epochs and read vectors over shadow memory, the race
 * records and their classification (docs/analyses.md, "Data races"). Builds on {@code hb};
 * independent of the other analyses.
 */
package dev.racelock.analyzer.race;
