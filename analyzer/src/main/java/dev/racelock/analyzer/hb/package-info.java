/**
 * Happens-before: vector clocks and {@code ClockedAnalysis}, the base of analyses that need the
 * clocks of threads, locks, volatiles and hand-offs maintained (JLS 17.4.5). Depends on
 * {@code spi} and {@code collect}.
 */
package dev.racelock.analyzer.hb;
