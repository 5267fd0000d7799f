package dev.racelock.samples;

import java.io.IOException;
import java.io.InputStream;

/**
 * A child-first class loader of the kind web containers and plugin hosts use: it delegates only
 * {@code java.*} names to its parent and defines every other class itself, from the bytes its
 * parent finds as resources. A class it defines is a different class from the parent's copy of
 * the same name, with its own static fields. Under the agent, the classes it defines are
 * instrumented, so they name the agent's runtime: linking them must work without this loader
 * knowing anything of it. (Left to itself, it would find the runtime's class files as resources,
 * the agent jar being on the bootstrap path, and define a second copy that records nothing.)
 */
public final class ChildFirstLoader extends ClassLoader {

    public ChildFirstLoader(ClassLoader parent) {
        super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("java.")) {
            return getParent().loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                byte[] bytes = bytesOf(name);
                type = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    private byte[] bytesOf(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name + " (this loader delegates only java.* names)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
