/** SARIF 2.1.0: one rule per finding type, one result per finding. Depends on {@code view} and {@code json}. */
package dev.racelock.report.sarif;
