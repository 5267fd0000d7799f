package dev.racelock.agent.it;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * How the agent's code meets the JIT: the agent keeps its own rewriter out of C2 with a compiler
 * directive (AgentJitDirectives), in force in a recorded JVM, on JDK 17 and 25, and in no other;
 * and the recording hooks are never inlined into the program's methods (DontInline).
 */
class AgentJitDirectivesIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "with the agent: {0}, on JDK 25: {1}")
    @CsvSource({"true, false", "true, true", "false, false"})
    void theRewritersDirectiveIsInForceOnlyUnderTheAgent(boolean agent, boolean jdk25) throws Exception {
        assumeTrue(!jdk25 || Files.isExecutable(ChildJvm.JDK25), "JDK 25 not installed");
        ChildJvm jvm = new ChildJvm();
        if (agent) {
            jvm.agent("quiet=true,output=trace.rlt");
        }
        if (jdk25) {
            jvm.java(ChildJvm.JDK25);
        }
        ChildJvm.Result result = jvm.run(dir, "dev.racelock.fixture.JitDirectives", agent ? "30" : "0");
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("racelock directive: " + agent, result.stdout().strip(), result.stderr());
    }

    /**
     * A line of -XX:+PrintInlining about a call of one of Rt's public hooks (not of the private
     * helpers C2 inlines into them, nor a line of a hook's own compilation).
     */
    private static final Pattern CALL_OF_A_HOOK = Pattern.compile("^\\s*@ \\d+\\s+dev\\.racelock\\.agent\\.runtime\\.Rt::("
            + java.util.Arrays.stream(dev.racelock.agent.runtime.Rt.class.getDeclaredMethods())
                    .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                    .map(java.lang.reflect.Method::getName).distinct().collect(Collectors.joining("|"))
            + ") ");

    /**
     * The hooks of the packaged jar carry HotSpot's own {@code DontInline} (the build renames the
     * runtime's stand-in), which the JIT honours because the jar is on the bootstrap class path:
     * its printed inlining decisions for a hot instrumented method name the annotation for each
     * hook, and never inline one.
     */
    @ParameterizedTest(name = "on JDK 25: {0}")
    @CsvSource({"false", "true"})
    void theRecordingHooksAreNeverInlined(boolean jdk25) throws Exception {
        ChildJvm.Result result = hotAccessorsInlining(jdk25);
        List<String> hooks = result.stdout().lines()
                .filter(line -> CALL_OF_A_HOOK.matcher(line).find())
                .collect(Collectors.toList());
        for (String hook : List.of("enter", "exit", "read", "write", "framedRead")) {
            assertTrue(hooks.stream().anyMatch(line -> line.contains("Rt::" + hook + " ")
                    && line.contains("don't inline by annotation")), hook + " in " + result.stdout());
        }
        // C2 may refuse one for another reason first ("already compiled into a medium method")
        assertEquals(List.of(), hooks.stream().filter(AgentJitDirectivesIT::inlined).collect(Collectors.toList()));
        assertTrue(result.stdout().contains("sum "), result.stdout());
    }

    /** A call of HotAccessor's method, its length and C2's decision, in -XX:+PrintInlining's output. */
    private static final Pattern CALL_OF_A_FIXTURE = Pattern.compile("HotAccessor::(\\w+) \\((\\d+) bytes\\)\\s+(.*)$");

    /**
     * An instrumented method that grew long is padded past the length up to which C2 inlines a hot
     * callee (InliningPad): its hot calls are refused as too big, with the padded length; a short
     * instrumented method is still inlined.
     */
    @ParameterizedTest(name = "on JDK 25: {0}")
    @CsvSource({"false", "true"})
    void aLongInstrumentedMethodIsKeptOutOfC2sInliningAndAShortOneIsNot(boolean jdk25) throws Exception {
        ChildJvm.Result result = hotAccessorsInlining(jdk25);
        List<Matcher> calls = result.stdout().lines().map(CALL_OF_A_FIXTURE::matcher)
                .filter(Matcher::find).collect(Collectors.toList());
        List<Matcher> spread = calls.stream().filter(call -> call.group(1).equals("spread"))
                .collect(Collectors.toList());
        List<Matcher> next = calls.stream().filter(call -> call.group(1).equals("next"))
                .collect(Collectors.toList());
        for (Matcher call : spread) {
            assertTrue(Integer.parseInt(call.group(2)) > 325 && !inlined(call.group()), call.group());
        }
        assertTrue(spread.stream().anyMatch(call -> call.group(3).contains("hot method too big")), result.stdout());
        assertTrue(next.stream().anyMatch(call -> Integer.parseInt(call.group(2)) <= 100
                && call.group(3).startsWith("inline (hot)")), result.stdout());
    }

    /** Whether a line of -XX:+PrintInlining is a call inlined (JDK 17 and 25 print the decision after the length). */
    private static boolean inlined(String line) {
        String decision = line.substring(line.indexOf("bytes)") + "bytes)".length()).strip();
        return decision.startsWith("inline") || decision.startsWith("accessor") || decision.contains("intrinsic");
    }

    /** HotAccessor run hot under the agent, with C2's inlining decisions printed. */
    private ChildJvm.Result hotAccessorsInlining(boolean jdk25) throws Exception {
        assumeTrue(!jdk25 || Files.isExecutable(ChildJvm.JDK25), "JDK 25 not installed");
        ChildJvm jvm = new ChildJvm().agent("quiet=true,output=trace.rlt")
                .jvmOptions("-Xbatch", "-XX:+UnlockDiagnosticVMOptions", "-XX:+PrintInlining");
        if (jdk25) {
            jvm.java(ChildJvm.JDK25);
        }
        ChildJvm.Result result = jvm.run(dir, "dev.racelock.fixture.HotAccessor");
        assertEquals(0, result.exitCode(), result.stderr());
        return result;
    }
}
