package dev.racelock.agent.instrument;

import dev.racelock.agent.runtime.TraceOutput;

/** For tests in other packages: a loader that instruments the fixtures. */
public final class TestLoaders {
    private TestLoaders() {}

    public static ClassLoader instrumenting(TraceOutput dictionaryOutput) {
        return new InstrumentingLoader(new ClassTransformer(new InstrumentOptions(true, false),
                new Dictionary(dictionaryOutput), new ClassHierarchy(), CallSiteHooks.core(),
                new ClassFilter(java.util.List.of("dev.racelock.fixture.**"), java.util.List.of())));
    }
}
