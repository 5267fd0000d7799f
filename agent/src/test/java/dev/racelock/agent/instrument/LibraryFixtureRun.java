package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.RecordingOutput.Event;
import dev.racelock.agent.instrument.juc.JucCallSiteHooks;
import dev.racelock.agent.instrument.library.LibraryCallSiteHooks;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.TraceOutput;
import dev.racelock.agent.runtime.juc.JucRuntime;
import dev.racelock.agent.runtime.library.LibraryHooks;
import dev.racelock.trace.LibraryState;
import dev.racelock.trace.MethodInfo;
import dev.racelock.trace.SiteInfo;

import java.util.List;

/**
 * Runs a fixture of {@code dev.racelock.fixture.library} instrumented with the whole table (core,
 * java.util.concurrent, library model), set up as AgentStartup sets it up.
 */
final class LibraryFixtureRun {
    final RecordingOutput output = new RecordingOutput();
    final String fixture;
    final Object result;
    final int stateField;

    LibraryFixtureRun(String fixture) throws Exception {
        this(fixture, true);
    }

    /** @param memory memory accesses recorded (mode=full), or only synchronization (mode=locks) */
    LibraryFixtureRun(String fixture, boolean memory) throws Exception {
        this.fixture = "library/" + fixture;
        Recording.start(output, false);
        Dictionary dictionary = new Dictionary(output);
        JucRuntime.install(dictionary::runtimeField);
        stateField = dictionary.runtimeField(LibraryState.OWNER, LibraryState.NAME, LibraryState.DESCRIPTOR, false,
                false);
        LibraryHooks.install(stateField);
        ClassTransformer transformer = new ClassTransformer(new InstrumentOptions(memory, false), dictionary,
                new ClassHierarchy(), LibraryCallSiteHooks.addTo(JucCallSiteHooks.addTo(CallSiteHooks.core())),
                new ClassFilter(List.of("dev.racelock.fixture.**"), List.of()));
        InstrumentingLoader loader = new InstrumentingLoader(transformer);
        try {
            result = loader.loadClass("dev.racelock.fixture.library." + fixture).getMethod("run").invoke(null);
        } finally {
            Recording.start(TraceOutput.NONE, false);
        }
    }

    /** Accesses of a modelled state at the marked line: "read put" (kind and called method), in order. */
    List<String> stateAccesses(String marker) {
        return stateEvents(marker).stream().map(e -> e.kind() + " " + calledMethod(e)).toList();
    }

    List<Event> stateEvents(String marker) {
        int line = SourceLines.lineOf(fixture, marker);
        return output.events().stream()
                .filter(e -> (e.kind().equals("read") || e.kind().equals("write")) && e.slot() == stateField)
                .filter(e -> output.sites.containsKey(e.site()) && output.line(e) == line)
                .toList();
    }

    String calledMethod(Event e) {
        SiteInfo site = output.sites.get(e.site());
        MethodInfo m = site.calledMethod() < 0 ? null : output.methods.get(site.calledMethod());
        return m == null ? "?" : m.className().substring(m.className().lastIndexOf('.') + 1) + "." + m.name();
    }
}
