package dev.racelock.agent.instrument;

import dev.racelock.agent.runtime.TraceOutput;

/** Lets tests in other packages use a {@link RecordingOutput} and count its events by marker line. */
public final class RecordingOutputAccess {
    private final RecordingOutput output = new RecordingOutput();

    public TraceOutput output() {
        return output;
    }

    public String dump() {
        return output.events().subList(0, Math.min(30, output.events().size())).toString();
    }

    /** Events of {@code kind} at the line of the Loops fixture marked {@code marker}. */
    public long count(String kind, String marker) {
        int line = SourceLines.lineOf("Loops", marker);
        return output.ofKind(kind).stream().filter(e -> output.line(e) == line).count();
    }
}
