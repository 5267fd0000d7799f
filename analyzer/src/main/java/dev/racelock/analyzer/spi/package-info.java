/**
 * The analyzer's extension point: {@code Analysis}, one independent consumer of the event stream.
 * Every analysis package implements it; the session in {@code dev.racelock.analyzer} runs them.
 * Depends on the trace's event model and the findings model only.
 */
package dev.racelock.analyzer.spi;
