/** The self-contained HTML page, one visitor over finding views. Depends on {@code view}. */
package dev.racelock.report.html;
