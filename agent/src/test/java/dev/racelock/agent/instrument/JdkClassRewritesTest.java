package dev.racelock.agent.instrument;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retransformations of TaskIdentityInstrumenter and ForkJoinTaskInstrumenter find, in this
 * JDK's own class files, every call they must insert (a JDK whose code differs keeps the
 * wrapper / records no fork-join edges, which the agent process tests would show as failures).
 */
class JdkClassRewritesTest {
    private static byte[] jdkClass(String name) throws IOException {
        try (InputStream in = Object.class.getResourceAsStream("/" + name + ".class")) {
            return in.readAllBytes();
        }
    }

    /** "method->hook" for every call to a racelock runtime hook in {@code classFile}. */
    private static List<String> hookCalls(byte[] classFile) {
        List<String> calls = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
                        if (owner.startsWith("dev/racelock/agent/runtime/")) {
                            calls.add(method + "->" + name);
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }

    @Test
    void workerLoopAcquiresBeforeBeforeExecuteAndReleasesAtEachUnlock() throws IOException {
        boolean[] hooked = new boolean[1];
        List<String> calls = hookCalls(TaskIdentityInstrumenter.worker(
                jdkClass("java/util/concurrent/ThreadPoolExecutor"), hooked));
        assertTrue(hooked[0]);
        assertEquals(1, calls.stream().filter("runWorker->taskStarting"::equals).count(), calls.toString());
        assertTrue(calls.stream().filter("runWorker->workerIdle"::equals).count() >= 2, calls.toString());
    }

    @Test
    void bothFutureTaskConstructorsBindTheTaskBeingHandedOver() throws IOException {
        boolean[] hooked = new boolean[1];
        List<String> calls = hookCalls(TaskIdentityInstrumenter.futureTask(
                jdkClass("java/util/concurrent/FutureTask"), hooked));
        assertTrue(hooked[0]);
        assertEquals(List.of("<init>->taskCreated", "<init>->taskCreated"), calls);
    }

    @Test
    void forkJoinTaskRecordsForkStartCompletionAndJoin() throws IOException {
        List<String> calls = hookCalls(ForkJoinTaskInstrumenter.instrument(
                jdkClass("java/util/concurrent/ForkJoinTask")));
        for (String expected : List.of("fork->forking", "doExec->running", "setDone->completing", "join->awaited",
                "invoke->awaited", "trySetThrown->throwing", "reportException->awaitedAbnormally")) {
            assertTrue(calls.contains(expected), expected + " in " + calls);
        }
        List<String> completer = hookCalls(ForkJoinTaskInstrumenter.completer(
                jdkClass("java/util/concurrent/CountedCompleter")));
        assertEquals(4, completer.size(), completer.toString());
        assertEquals(Set.of("tryComplete->completing", "propagateCompletion->completing", "complete->completing",
                "quietlyCompleteRoot->completing"), Set.copyOf(completer));
    }
}
