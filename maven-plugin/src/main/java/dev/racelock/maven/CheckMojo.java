package dev.racelock.maven;

import dev.racelock.report.ReportFormat;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Path;

/**
 * The build gate: analyzes every trace the test JVMs wrote, writes text, JSON, SARIF, JUnit XML
 * and HTML reports, logs each failing finding as an ERROR line, and fails the build once, at the
 * end, unless every finding is in the baseline, suppressed, or of a category {@code failOn}
 * leaves out. No traces is not a failure: one INFO line says so.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AnalysisMojo {

    /** Fails the build on failing findings; false only logs them (the reports are the same). */
    @Parameter(property = "racelock.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    @Override
    protected Summary.Consequence consequence() {
        return haltOnFailure ? Summary.Consequence.FAIL_THE_BUILD : Summary.Consequence.WOULD_FAIL_CHECK;
    }

    @Override
    protected void afterReports(BuildReport.Outcome outcome, Path reportDirectory) throws MojoFailureException {
        logFindings(outcome);
        int failing = outcome.verdict().failing().size();
        if (failing == 0) {
            return;
        }
        String message = "racelock: " + failing + (failing == 1 ? " finding fails" : " findings fail")
                + " the build; see " + BuildReport.reportFile(reportDirectory, ReportFormat.TEXT) + " or "
                + BuildReport.reportFile(reportDirectory, ReportFormat.HTML);
        if (haltOnFailure) {
            throw new MojoFailureException(message);
        }
        getLog().warn(message + " (haltOnFailure is false: the build goes on)");
    }
}
