package dev.racelock.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

import java.nio.file.Path;

/** The same reports as check, without failing the build: every finding is logged at INFO. */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ReportMojo extends AnalysisMojo {

    @Override
    protected Summary.Consequence consequence() {
        return Summary.Consequence.WOULD_FAIL_CHECK;
    }

    @Override
    protected void afterReports(BuildReport.Outcome outcome, Path reportDirectory) {
        outcome.verdict().reported().forEach(f -> getLog().info("racelock: " + FindingLines.describe(f)));
    }
}
