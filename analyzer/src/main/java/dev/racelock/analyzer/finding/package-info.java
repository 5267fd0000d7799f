/**
 * The findings model: facts, never prose (types, locations, accesses, locks, classifications,
 * fingerprints). Every analysis produces it and every report format reads it; the words are the
 * report module's. Depends on nothing.
 */
package dev.racelock.analyzer.finding;
