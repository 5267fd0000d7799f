/**
 * Reports: {@code Reports.render} walks findings with the visitor of a {@code ReportFormat}.
 * The only package that knows every format.
 */
package dev.racelock.report;
