package dev.racelock.cli;

import java.nio.file.Path;

/** Copies of a {@link CliServices} with one piece replaced, for tests. */
final class Services {

    private Services() {}

    static CliServices withAnalysis(CliServices s, AnalysisService replacement) {
        return new CliServices(replacement, s.renderer(), s.conversion(), s.agentJar(), s.target(), s.terminal(),
                s.nanoClock());
    }

    static CliServices withRenderer(CliServices s, RenderService replacement) {
        return new CliServices(s.analysis(), replacement, s.conversion(), s.agentJar(), s.target(), s.terminal(),
                s.nanoClock());
    }

    static CliServices withConversion(CliServices s, TraceConversion replacement) {
        return new CliServices(s.analysis(), s.renderer(), replacement, s.agentJar(), s.target(), s.terminal(),
                s.nanoClock());
    }

    static CliServices withAgentJar(CliServices s, Path replacement) {
        return new CliServices(s.analysis(), s.renderer(), s.conversion(), replacement, s.target(), s.terminal(),
                s.nanoClock());
    }

    static CliServices withTarget(CliServices s, TargetLauncher replacement) {
        return new CliServices(s.analysis(), s.renderer(), s.conversion(), s.agentJar(), replacement, s.terminal(),
                s.nanoClock());
    }
}
