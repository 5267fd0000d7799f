package dev.racelock.agent.instrument;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the transformer needs to know about classes other than the one it is transforming
 * (superclass, field modifiers), read from their class files through the defining loader's
 * {@code getResource}. A class must never be loaded while another is being transformed: that
 * can deadlock class loading or define a class in the wrong loader. The answers are cached
 * per loader; the loader is consulted outside our lock.
 */
public final class ClassHierarchy {

    /** The header of one class file. */
    record Header(String superName, String[] interfaces, boolean isInterface, Map<String, Integer> fieldAccess) {}

    private static final Header MISSING = new Header(null, new String[0], false, Map.of());

    private final Map<ClassLoader, ConcurrentHashMap<String, Header>> byLoader = new WeakHashMap<>();
    private final ConcurrentHashMap<String, Header> bootstrap = new ConcurrentHashMap<>();

    /** The declaring class and access flags of field {@code name} as seen from {@code owner}; null if unknown. */
    Entry<String, Integer> resolveField(ClassLoader loader, String owner, String name) {
        String type = owner;
        for (int depth = 0; type != null && depth < 64; depth++) {
            Header header = header(loader, type);
            if (header == MISSING) {
                return null;
            }
            Integer access = header.fieldAccess().get(name);
            if (access != null) {
                return Map.entry(type, access);
            }
            type = header.superName();
        }
        return null; // interface constants are reached by getstatic on the interface itself
    }

    /** True if {@code type} is {@code ancestor} or a subclass of it (classes only). */
    public boolean isSubclassOf(ClassLoader loader, String type, String ancestor) {
        String t = type;
        for (int depth = 0; t != null && depth < 64; depth++) {
            if (t.equals(ancestor)) {
                return true;
            }
            Header header = header(loader, t);
            if (header == MISSING) {
                return false;
            }
            t = header.superName();
        }
        return false;
    }

    /**
     * True if {@code type} is {@code ancestor}, extends it or implements it, directly or through
     * its superclasses and superinterfaces (for call-site hooks on interfaces such as Lock).
     */
    boolean isSubtypeOf(ClassLoader loader, String type, String ancestor) {
        return isSubtypeOf(loader, type, ancestor, 0);
    }

    private boolean isSubtypeOf(ClassLoader loader, String type, String ancestor, int depth) {
        if (type == null || depth > 64) {
            return false;
        }
        if (type.equals(ancestor)) {
            return true;
        }
        Header header = header(loader, type);
        if (header == MISSING) {
            return false;
        }
        for (String implemented : header.interfaces()) {
            if (isSubtypeOf(loader, implemented, ancestor, depth + 1)) {
                return true;
            }
        }
        return isSubtypeOf(loader, header.superName(), ancestor, depth + 1);
    }

    /** Lets the class being transformed answer for itself (its bytes are in hand, not yet loadable). */
    void remember(ClassLoader loader, String type, byte[] bytes) {
        cache(loader).put(type, parse(bytes));
    }

    private Header header(ClassLoader loader, String type) {
        if (type.startsWith("java/")) {
            loader = null; // JDK classes: one cache, read from the runtime image
        }
        ConcurrentHashMap<String, Header> cache = cache(loader);
        Header header = cache.get(type);
        if (header == null) {
            header = read(loader, type);
            cache.put(type, header);
        }
        return header;
    }

    private ConcurrentHashMap<String, Header> cache(ClassLoader loader) {
        if (loader == null) {
            return bootstrap;
        }
        synchronized (byLoader) {
            return byLoader.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        }
    }

    private static Header read(ClassLoader loader, String type) {
        String resource = type + ".class";
        ClassLoader source = loader != null ? loader : ClassLoader.getPlatformClassLoader();
        try (InputStream in = source.getResourceAsStream(resource)) {
            if (in == null) {
                return MISSING;
            }
            return parse(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            return MISSING;
        }
    }

    private static Header parse(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        Map<String, Integer> fields = new HashMap<>();
        boolean[] isInterface = new boolean[1];
        String[] superName = new String[1];
        String[][] interfaces = {new String[0]};
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName0,
                              String[] interfaces0) {
                superName[0] = superName0;
                interfaces[0] = interfaces0 == null ? new String[0] : interfaces0;
                isInterface[0] = (access & Opcodes.ACC_INTERFACE) != 0;
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                           Object value) {
                fields.put(name, access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new Header(superName[0], interfaces[0], isInterface[0], fields);
    }
}
