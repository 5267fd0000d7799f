package dev.racelock.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * Premain-Class and Agent-Class. The agent runs from the bootstrap class path, so the runtime
 * that instrumented code calls exists once, visible from every class loader. The jar's manifest
 * names itself in {@code Boot-Class-Path}, which the JVM appends before premain: then this class
 * is already the bootstrap loader's, and no warning is printed. A jar renamed from
 * {@code racelock-agent.jar} is not found that way; this class is then the system loader's and
 * appends the jar itself (the JVM then prints that class data sharing is limited to boot
 * classes; nothing else changes). It hands over to {@code AgentStartup} loaded from the
 * bootstrap path and must not touch any other agent class itself: in the system loader that
 * would load a second copy.
 */
public final class AgentMain {
    private AgentMain() {}

    public static void premain(String arguments, Instrumentation instrumentation) throws Exception {
        start("start", arguments, instrumentation);
    }

    /** Attached to a running JVM: {@code AgentStartup.attach} (a bad option throws, the JVM runs on). */
    public static void agentmain(String arguments, Instrumentation instrumentation) throws Exception {
        start("attach", arguments, instrumentation);
    }

    private static void start(String entry, String arguments, Instrumentation instrumentation) throws Exception {
        if (AgentMain.class.getClassLoader() != null) {
            File jar = new File(AgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
        }
        Class<?> startup = Class.forName("dev.racelock.agent.AgentStartup", true, null);
        try {
            startup.getMethod(entry, String.class, Instrumentation.class).invoke(null, arguments, instrumentation);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
