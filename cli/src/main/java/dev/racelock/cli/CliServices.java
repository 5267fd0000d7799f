package dev.racelock.cli;

import dev.racelock.report.Reports;

import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * What the commands use from outside themselves, so tests can replace each piece: the
 * analyzer, the renderers, trace conversion, where the agent jar is, how the target of
 * {@code run} is started, whether the standard streams are terminals, and a clock for progress lines.
 *
 * @param agentJar            the shaded agent jar, or null when it cannot be found
 * @param target              how {@code run} starts its target
 * @param terminal            stdout and stderr are a terminal (colours, progress line)
 * @param nanoClock           {@link System#nanoTime()} in production
 */
public record CliServices(AnalysisService analysis, RenderService renderer, TraceConversion conversion,
                          Path agentJar, TargetLauncher target, boolean terminal,
                          LongSupplier nanoClock) {

    public static CliServices production() {
        return new CliServices(AnalysisService.analyzer(), Reports::render, TraceConverter::convert,
                AgentJarLocator.locate().orElse(null), TargetLauncher.INHERITING, System.console() != null, System::nanoTime);
    }
}
