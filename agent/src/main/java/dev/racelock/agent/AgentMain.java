package dev.racelock.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * Premain-Class and Agent-Class. Loaded by the system class loader, it puts the agent jar on
 * the bootstrap class path and hands over to {@code AgentStartup} loaded from there, so the
 * runtime that instrumented code calls exists once, visible from every class loader. It must
 * not touch any other agent class itself: that would load a second copy in the system loader.
 */
public final class AgentMain {
    private AgentMain() {}

    public static void premain(String arguments, Instrumentation instrumentation) throws Exception {
        start(arguments, instrumentation);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) throws Exception {
        start(arguments, instrumentation);
    }

    private static void start(String arguments, Instrumentation instrumentation) throws Exception {
        File jar = new File(AgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
        Class<?> startup = Class.forName("dev.racelock.agent.AgentStartup", true, null);
        startup.getMethod("start", String.class, Instrumentation.class).invoke(null, arguments, instrumentation);
    }
}
