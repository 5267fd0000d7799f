/** The Go-race-detector-style text report, with optional colour. Depends on {@code view}. */
package dev.racelock.report.text;
