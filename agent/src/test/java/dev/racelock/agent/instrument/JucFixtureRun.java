package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.RecordingOutput.Event;
import dev.racelock.agent.instrument.juc.JucCallSiteHooks;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.TraceOutput;
import dev.racelock.agent.runtime.juc.JucRuntime;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs a fixture of {@code dev.racelock.fixture.juc} instrumented with the java.util.concurrent hooks. */
final class JucFixtureRun {
    final RecordingOutput output = new RecordingOutput();
    final String fixture;
    final Object result;

    JucFixtureRun(String fixture) throws Exception {
        this.fixture = "juc/" + fixture;
        Recording.start(output, false);
        Dictionary dictionary = new Dictionary(output);
        JucRuntime.install(dictionary::runtimeField);
        ClassTransformer transformer = new ClassTransformer(new InstrumentOptions(true, false), dictionary,
                new ClassHierarchy(), JucCallSiteHooks.addTo(CallSiteHooks.core()),
                new ClassFilter(List.of("dev.racelock.fixture.**"), List.of()));
        InstrumentingLoader loader = new InstrumentingLoader(transformer);
        try {
            result = loader.loadClass("dev.racelock.fixture.juc." + fixture).getMethod("run").invoke(null);
        } finally {
            Recording.start(TraceOutput.NONE, false);
        }
    }

    int line(String marker) {
        return SourceLines.lineOf(fixture, marker);
    }

    /** Events at the marked line, in recording order, optionally of the given kinds only. */
    List<Event> at(String marker, String... kinds) {
        int line = line(marker);
        List<String> wanted = List.of(kinds);
        return output.events().stream()
                .filter(e -> e.site() >= 0 && output.sites.containsKey(e.site()) && output.line(e) == line)
                .filter(e -> wanted.isEmpty() || wanted.contains(e.kind()))
                .collect(Collectors.toList());
    }

    /** "kind/flags" of each event at the marked line, for compact assertions. */
    List<String> shapes(String marker, String... kinds) {
        return at(marker, kinds).stream().map(e -> e.kind() + "/" + e.flags()).collect(Collectors.toList());
    }

    Event single(String marker, String kind) {
        List<Event> found = at(marker, kind);
        assertEquals(1, found.size(), kind + " at " + marker + ": " + output.events());
        return found.get(0);
    }
}
