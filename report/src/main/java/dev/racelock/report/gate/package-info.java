/**
 * The CI gate: baselines and suppressions (their file formats, docs/cli.md) and the verdict on a
 * set of findings. Depends on the findings model, {@code view} and {@code json}; never on a format.
 */
package dev.racelock.report.gate;
