package dev.racelock.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads the fixture classes ({@code dev.racelock.fixture}) instrumented, child-first, the way
 * the agent's transformer would; everything else comes from the parent.
 */
final class InstrumentingLoader extends ClassLoader {
    private final ClassTransformer transformer;

    InstrumentingLoader(ClassTransformer transformer) {
        super(InstrumentingLoader.class.getClassLoader());
        this.transformer = transformer;
    }

    static ClassTransformer transformer(RecordingOutput output, boolean memory, boolean stacks) {
        return new ClassTransformer(new InstrumentOptions(memory, stacks), new Dictionary(output),
                new ClassHierarchy(), CallSiteHooks.core(),
                new ClassFilter(java.util.List.of("dev.racelock.fixture.**"), java.util.List.of()));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("dev.racelock.fixture.")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                String internal = name.replace('.', '/');
                byte[] bytes = transformer.transform(this, internal, bytes(internal));
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            return loaded;
        }
    }

    private byte[] bytes(String internal) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(internal + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(internal);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
