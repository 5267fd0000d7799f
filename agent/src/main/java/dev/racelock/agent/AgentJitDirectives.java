package dev.racelock.agent;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the agent's own class-rewriting code out of HotSpot's C2 compiler, with a compiler
 * directive (JEP 165) added through the JVM's {@code Compiler.directives_add} diagnostic command.
 *
 * <p>Why: on Xalan's full recording the C2 compiler threads took a quarter of the JVM's CPU, and
 * about half of what they compiled was racelock's own code: the rewriter (ASM and the analyses
 * over it), which runs while classes load, and the trace writer's dictionary encoder, each a few
 * large methods that C2 spent a second or more on. Run by C1 alone, that code is a little
 * slower where it runs but never waits for or pays for C2 (docs/performance.md, "The agent's own
 * code out of C2"). The recording hooks the program calls ({@code Rt} and what it reaches) are
 * not matched: they are compiled by C2 once each, and never inlined into the program's methods
 * ({@code DontInline}).
 *
 * <p>The directive names only racelock's classes, so the program's compilation is unchanged, and
 * a directives file the user gave stays in force for everything else. The command's answer
 * ("1 compiler directives added") is returned, not printed. On a JVM without the command (not
 * HotSpot, or without the {@code jdk.management} module) nothing happens: this is only speed.
 */
final class AgentJitDirectives {
    /** C2 never compiles these methods as a root; C1 does (docs/performance.md names the figures). */
    static final String DIRECTIVE = "[ { match: [\"dev/racelock/agent/instrument/*.*\", "
            + "\"dev/racelock/agent/shaded/*.*\", \"dev/racelock/trace/format/DictionaryEncoder.*\"], "
            + "c2: { Exclude: true } } ]";

    private static final String COMMANDS = "com.sun.management.internal.DiagnosticCommandImpl";

    private AgentJitDirectives() {}

    /**
     * Adds {@link #DIRECTIVE}; true when the JVM took it. Never throws: any failure leaves the
     * JIT as it was.
     */
    static boolean add(Instrumentation instrumentation) {
        Path file = null;
        try {
            Module management = ModuleLayer.boot().findModule("jdk.management").orElse(null);
            if (management == null) {
                return false;
            }
            instrumentation.redefineModule(management, Set.of(), Map.of(),
                    Map.of("com.sun.management.internal", Set.of(AgentJitDirectives.class.getModule())), Set.of(),
                    Map.of());
            // The command's native half lives in the library the platform MXBeans load.
            java.lang.management.ManagementFactory.getThreadMXBean();
            Class<?> commands = Class.forName(COMMANDS, true, null);
            Method instance = commands.getDeclaredMethod("getDiagnosticCommandMBean");
            instance.setAccessible(true);
            Method execute = commands.getDeclaredMethod("executeDiagnosticCommand", String.class);
            execute.setAccessible(true);
            // A name of this process's own, created new: no random name (SecureRandom would load
            // the security providers), and never a file that is already there, or a link.
            Path named = Path.of(System.getProperty("java.io.tmpdir"),
                    "racelock-jit-" + ProcessHandle.current().pid() + ".json");
            Files.writeString(named, DIRECTIVE, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            file = named; // only now: a file of that name that was there already is not ours to delete
            named.toFile().deleteOnExit(); // should the program end before the command returns
            Object answer = execute.invoke(instance.invoke(null), "Compiler.directives_add " + file);
            return String.valueOf(answer).startsWith("1 ");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError | java.io.IOException e) {
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException | RuntimeException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
