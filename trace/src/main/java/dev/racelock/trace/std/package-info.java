/**
 * The STD text format of RAPID and RV-Predict (docs/trace-format.md, "STD text format"): import
 * and export, with a separate site table. Depends on the event model ({@code dev.racelock.trace}) only.
 */
package dev.racelock.trace.std;
