/** The JSON report (docs/report-json.md) and the small JSON writer other formats reuse. Depends on {@code view}. */
package dev.racelock.report.json;
