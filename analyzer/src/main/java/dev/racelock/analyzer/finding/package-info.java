/**
 * The findings model: facts, never prose (types, locations, accesses, locks, classifications,
 * fingerprints). Every analysis produces it and every report format reads it; the words are the
 * report module's. Depends on nothing but the ids rule every module's named enums share
 * ({@code trace.EnumIds}).
 */
package dev.racelock.analyzer.finding;
