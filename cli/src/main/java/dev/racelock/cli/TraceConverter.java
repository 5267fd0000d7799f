package dev.racelock.cli;

import dev.racelock.trace.TraceEnd;
import dev.racelock.trace.files.TraceConversions;

import java.io.IOException;
import java.nio.file.Path;

/** {@code racelock convert} through the trace module's exporters (docs/trace-format.md, "STD text format"). */
final class TraceConverter {

    private TraceConverter() {}

    static TraceEnd convert(Path in, Path out, boolean extensions) throws IOException {
        return isStd(out) ? TraceConversions.toStd(in, out, extensions) : TraceConversions.toBinary(in, out);
    }

    static boolean isStd(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(".std");
    }
}
