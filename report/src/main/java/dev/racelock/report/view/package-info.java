/**
 * The one place findings are put into words ({@code FindingWords}, {@code FindingTypeDescription})
 * and laid out once per finding ({@code FindingView}) for every format. Depends on the findings
 * model only.
 */
package dev.racelock.report.view;
