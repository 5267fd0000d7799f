package dev.racelock.agent.instrument.jdk;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retransformations of TaskIdentityRewrite and ForkJoinTaskRewrite find, in this
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
        List<String> calls = hookCalls(TaskIdentityRewrite.worker(
                jdkClass("java/util/concurrent/ThreadPoolExecutor"), hooked));
        assertTrue(hooked[0]);
        assertEquals(1, calls.stream().filter("runWorker->taskStarting"::equals).count(), calls.toString());
        assertTrue(calls.stream().filter("runWorker->workerIdle"::equals).count() >= 2, calls.toString());
    }

    @Test
    void bothFutureTaskConstructorsBindTheTaskBeingHandedOverAndEachRunAcquiresIt() throws IOException {
        boolean[] hooked = new boolean[1];
        List<String> calls = hookCalls(TaskIdentityRewrite.futureTask(
                jdkClass("java/util/concurrent/FutureTask"), hooked));
        assertTrue(hooked[0]);
        assertEquals(Set.of("<init>->taskCreated", "run->taskStarting", "runAndReset->taskStarting"),
                Set.copyOf(calls));
        assertEquals(4, calls.size(), calls.toString());
    }

    @Test
    void forkJoinPoolAdaptersBindTheTaskTheyWrap() throws IOException {
        // ForkJoinPool.submit(Callable) wraps in one of these on every JDK from 17 to 25
        String adapter = Runtime.version().feature() >= 19 ? "AdaptedInterruptibleCallable" : "AdaptedCallable";
        boolean[] hooked = new boolean[1];
        List<String> calls = hookCalls(TaskIdentityRewrite.forkJoinAdapter(
                jdkClass("java/util/concurrent/ForkJoinTask$" + adapter), hooked));
        assertTrue(hooked[0]);
        assertEquals(List.of("<init>->taskCreated"), calls);
        hooked[0] = false;
        assertEquals(List.of("<init>->taskCreated"), hookCalls(TaskIdentityRewrite.forkJoinAdapter(
                jdkClass("java/util/concurrent/ForkJoinTask$RunnableExecuteAction"), hooked)));
        assertTrue(hooked[0]);
    }

    @Test
    void futureTaskReleasesItsEndItsCancellationAndEachPeriodicRun() throws IOException {
        byte[] futureTask = jdkClass("java/util/concurrent/FutureTask");
        assertTrue(FutureTaskRewrite.hasStateField(futureTask), "FutureTask keeps its state in an int 'state'");
        List<String> calls = hookCalls(FutureTaskRewrite.instrument(futureTask));
        assertEquals(List.of("set->completing"), calls.stream().filter(c -> c.startsWith("set->")).toList());
        assertEquals(List.of("setException->completing"),
                calls.stream().filter(c -> c.startsWith("setException->")).toList());
        assertEquals(List.of("cancel->cancelling"), calls.stream().filter(c -> c.startsWith("cancel->")).toList());
        assertEquals(1, calls.stream().filter("runAndReset->periodicRunStarting"::equals).count(), calls.toString());
        assertEquals(opcodes(futureTask, "runAndReset", Opcodes.IRETURN),
                calls.stream().filter("runAndReset->periodicRunEnded"::equals).count(), calls.toString());
        assertFalse(FutureTaskRewrite.hasStateField(jdkClass("java/util/concurrent/CompletableFuture")));
    }

    @Test
    void interruptReleasesAndEachWayOfDetectingItAcquires() throws IOException {
        byte[] thread = jdkClass("java/lang/Thread");
        List<String> calls = hookCalls(InterruptRewrite.thread(thread));
        assertEquals(List.of("interrupt->interrupting"), calls.stream().filter(c -> c.startsWith("interrupt->")).toList());
        assertEquals(opcodes(thread, "isInterrupted", Opcodes.IRETURN),
                calls.stream().filter("isInterrupted->detected"::equals).count(), calls.toString());
        // JDK 19+: Thread.interrupted() reads and clears through getAndClearInterrupt(); before, itself
        boolean clearsInJava = InterruptRewrite.declares(thread, "getAndClearInterrupt", "()Z");
        assertEquals(Runtime.version().feature() >= 19, clearsInJava);
        String clearing = clearsInJava ? "getAndClearInterrupt->detected" : "interrupted->detectedByCurrentThread";
        assertEquals(opcodes(thread, clearsInJava ? "getAndClearInterrupt" : "interrupted", Opcodes.IRETURN),
                calls.stream().filter(clearing::equals).count(), calls.toString());
        assertTrue(calls.contains("isInterrupted->detected") && calls.contains(clearing), calls.toString());
        assertTrue(calls.stream().noneMatch(c -> c.startsWith(clearsInJava ? "interrupted->" : "getAndClear")),
                calls.toString());

        byte[] exception = jdkClass("java/lang/InterruptedException");
        assertEquals(List.of("<init>->exceptionCreated", "<init>->exceptionCreated"),
                hookCalls(InterruptRewrite.exception(exception)));
    }

    @Test
    void shutdownAfterTheLastThreadJoinsTheEndedThreadsBeforeAnyHookStarts() throws IOException {
        assertEquals(List.of("shutdown->lastThreadEnded"),
                hookCalls(ShutdownRewrite.instrument(jdkClass("java/lang/Shutdown"))));
    }

    @Test
    void everyMonitorOfTheSynchronizedWrappersIsRecorded() throws IOException {
        for (String wrapper : new String[] {"SynchronizedCollection", "SynchronizedList", "SynchronizedMap",
                "SynchronizedNavigableMap"}) {
            byte[] original = jdkClass("java/util/Collections$" + wrapper);
            List<String> calls = hookCalls(SynchronizedWrapperRewrite.instrument(original));
            long enters = opcodes(original, null, Opcodes.MONITORENTER);
            assertTrue(enters > 5, wrapper + " has synchronized blocks");
            assertEquals(enters, calls.stream().filter(c -> c.endsWith("->entering")).count(), wrapper);
            assertEquals(enters, calls.stream().filter(c -> c.endsWith("->entered")).count(), wrapper);
            assertEquals(opcodes(original, null, Opcodes.MONITOREXIT),
                    calls.stream().filter(c -> c.endsWith("->exiting")).count(), wrapper);
        }
    }


    @Test
    void executorsDelegatingViewIsBoundToThePoolItWraps() throws IOException {
        boolean[] hooked = new boolean[1];
        List<String> calls = hookCalls(ExecutorViewRewrite.instrument(jdkClass(ExecutorViewRewrite.VIEW), hooked));
        assertTrue(hooked[0]);
        assertEquals(List.of("<init>->viewCreated"), calls);
    }

    @Test
    void threadPerTaskExecutorReleasesAtEachTaskEnd() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() >= 21, "JDK 21+ class");
        boolean[] hooked = new boolean[1];
        List<String> calls = hookCalls(TaskIdentityRewrite.perTaskExecutor(
                jdkClass("java/util/concurrent/ThreadPerTaskExecutor"), hooked));
        assertTrue(hooked[0]);
        assertEquals(List.of("taskComplete->workerIdle"), calls);
    }

    @Test
    void threadFlocksRecordTheirForksAndJoins() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() >= 21, "JDK 21+ class");
        byte[] flock = jdkClass(ThreadFlockRewrite.FLOCK);
        List<String> calls = hookCalls(ThreadFlockRewrite.instrument(flock));
        assertEquals(1, calls.stream().filter("start->flockStarting"::equals).count(), calls.toString());
        // every return of both awaitAll overloads reports, and close's normal return
        assertEquals(opcodes(flock, "awaitAll", Opcodes.IRETURN),
                calls.stream().filter("awaitAll->flockAwaited"::equals).count(), calls.toString());
        assertTrue(opcodes(flock, "awaitAll", Opcodes.IRETURN) >= 2, "two overloads");
        assertEquals(opcodes(flock, "close", Opcodes.RETURN),
                calls.stream().filter("close->flockAwaited"::equals).count(), calls.toString());
    }

    /** How often {@code opcode} occurs in the methods named {@code name} ({@code null}: in every method). */
    private static long opcodes(byte[] classFile, String name, int opcode) {
        long[] count = new long[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                return name != null && !method.equals(name) ? null : new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInsn(int insn) {
                        if (insn == opcode) {
                            count[0]++;
                        }
                    }
                };
            }
        }, 0);
        return count[0];
    }

    @Test
    void everyThreadStartMethodRecordsTheStart() throws IOException {
        List<String> calls = hookCalls(ThreadRunRewrite.instrument(jdkClass("java/lang/Thread")));
        long starts = calls.stream().filter("start->starting"::equals).count();
        assertEquals(Runtime.version().feature() >= 21 ? 2 : 1, starts, calls.toString());
        if (Runtime.version().feature() >= 21) {
            List<String> virtual = hookCalls(ThreadRunRewrite.instrument(jdkClass("java/lang/VirtualThread")));
            assertTrue(virtual.contains("start->starting"), virtual.toString());
        }
    }

    /**
     * Thread.run hands the task it read (JDK 17's {@code target}, 19+'s {@code holder.task}) to
     * runTask once, after runBegin, so the frame the task enters can be marked as the thread's entry.
     */
    @Test
    void threadRunHandsItsTaskOverOnceAfterItsBegin() throws IOException {
        List<String> calls = hookCalls(ThreadRunRewrite.instrument(jdkClass("java/lang/Thread")));
        List<String> run = calls.stream().filter(c -> c.startsWith("run->")).toList();
        assertEquals(List.of("run->runBegin", "run->runTask"), run.subList(0, 2), calls.toString());
        assertEquals(1, run.stream().filter("run->runTask"::equals).count(), calls.toString());
        if (Runtime.version().feature() >= 21) {
            List<String> virtual = hookCalls(ThreadRunRewrite.instrument(jdkClass("java/lang/VirtualThread")));
            assertEquals(1, virtual.stream().filter("run->runTask"::equals).count(), virtual.toString());
        }
    }

    @Test
    void forkJoinTaskRecordsForkStartCompletionAndJoin() throws IOException {
        List<String> calls = hookCalls(ForkJoinTaskRewrite.instrument(
                jdkClass("java/util/concurrent/ForkJoinTask")));
        for (String expected : List.of("fork->forking", "doExec->running", "setDone->completing", "join->awaited",
                "invoke->awaited", "trySetThrown->throwing", "reportException->awaitedAbnormally")) {
            assertTrue(calls.contains(expected), expected + " in " + calls);
        }
        List<String> completer = hookCalls(ForkJoinTaskRewrite.completer(
                jdkClass("java/util/concurrent/CountedCompleter")));
        assertEquals(4, completer.size(), completer.toString());
        assertEquals(Set.of("tryComplete->completing", "propagateCompletion->completing", "complete->completing",
                "quietlyCompleteRoot->completing"), Set.copyOf(completer));
    }
}
