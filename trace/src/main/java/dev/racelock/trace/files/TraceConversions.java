package dev.racelock.trace.files;

import dev.racelock.trace.ReadProgress;
import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.format.BinaryTraceExporter;
import dev.racelock.trace.format.TraceWriter;
import dev.racelock.trace.std.StdTraceWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A trace file of either kind converted to the binary format or to STD text. */
public final class TraceConversions {
    private TraceConversions() {}

    /** Reads {@code traceIn} (binary or STD) and writes it to {@code binaryOut} as a binary trace. */
    public static TraceEnd toBinary(Path traceIn, Path binaryOut) throws IOException {
        return toBinary(traceIn, binaryOut, TraceWriter.Contexts.TREE);
    }

    /** As {@link #toBinary(Path, Path)}, writing calling contexts the given way (docs/trace-format.md). */
    public static TraceEnd toBinary(Path traceIn, Path binaryOut, TraceWriter.Contexts contexts) throws IOException {
        BinaryTraceExporter exporter = new BinaryTraceExporter(binaryOut, contexts);
        TraceEnd end;
        try {
            end = TraceFiles.read(traceIn, exporter, ReadProgress.NONE);
        } catch (UncheckedIOException e) {
            exporter.finish();
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            exporter.finish();
            throw e;
        }
        exporter.finish();
        return end;
    }

    /** To STD with standard operations only; see {@link #toStd(Path, Path, boolean)}. */
    public static TraceEnd toStd(Path traceIn, Path stdOut) throws IOException {
        return toStd(traceIn, stdOut, false);
    }

    /**
     * Exports {@code traceIn} (binary or STD) to {@code stdOut}, and its site table to
     * {@code stdOut} + {@code .sites}; with {@code extensions}, racelock's own operations too
     * (docs/trace-format.md, "STD text format").
     */
    public static TraceEnd toStd(Path traceIn, Path stdOut, boolean extensions) throws IOException {
        Path sitesOut = stdOut.resolveSibling(stdOut.getFileName() + ".sites");
        try (Writer events = new BufferedWriter(Files.newBufferedWriter(stdOut, StandardCharsets.UTF_8), 1 << 16);
             Writer sites = Files.newBufferedWriter(sitesOut, StandardCharsets.UTF_8)) {
            return TraceFiles.read(traceIn, new StdTraceWriter(events, sites, extensions), ReadProgress.NONE);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
