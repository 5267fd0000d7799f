package dev.racelock.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Set-up shared by command tests over a canned analysis: a temporary directory, a trace file in
 * it (its content never read: the analysis is canned) and the harness.
 */
abstract class CannedAnalysisTest {

    @TempDir
    Path dir;
    Path trace;
    final CliHarness cli = new CliHarness();

    @BeforeEach
    void aTrace() throws Exception {
        trace = Files.writeString(dir.resolve("t.rlt"), "trace");
    }
}
