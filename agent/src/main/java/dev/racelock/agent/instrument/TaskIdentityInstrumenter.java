package dev.racelock.agent.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Retransforms {@code ThreadPoolExecutor.runWorker} and the {@code FutureTask} constructors so
 * that tasks handed to a ThreadPoolExecutor need no wrapper (docs/juc.md, "Task identity"):
 * <ul>
 *   <li>just before {@code beforeExecute(thread, task)}: {@code ExecutorHooks.taskStarting(task)}
 *       acquires the token the submission bound to that task object;</li>
 *   <li>before each {@code Worker.unlock()}, which follows every task and its afterExecute:
 *       {@code ExecutorHooks.workerIdle(this)} releases the executor's token (awaitTermination);</li>
 *   <li>at the end of {@code FutureTask(Callable)} and {@code FutureTask(Runnable, V)}:
 *       {@code ExecutorHooks.taskCreated(this, body)} binds a FutureTask that submit creates for
 *       the task being handed over to that submission's token.</li>
 * </ul>
 * Only calls with no branch are inserted, so no stack map frame changes; method bodies only, as
 * retransformation requires. Only when both classes were retransformed does ExecutorHooks stop
 * wrapping; if the JDK's code differs (no such call found), the wrapper stays.
 */
public final class TaskIdentityInstrumenter implements ClassFileTransformer {
    private static final String TPE = "java/util/concurrent/ThreadPoolExecutor";
    private static final String FUTURE_TASK = "java/util/concurrent/FutureTask";
    private static final String HOOKS = "dev/racelock/agent/runtime/ExecutorHooks";
    private final PrintStream err;
    private volatile boolean workerHooked;
    private volatile boolean futureTaskHooked;

    private TaskIdentityInstrumenter(PrintStream err) {
        this.err = err;
    }

    public static void install(Instrumentation instrumentation, PrintStream err) {
        TaskIdentityInstrumenter transformer = new TaskIdentityInstrumenter(err);
        try {
            instrumentation.addTransformer(transformer, true);
            instrumentation.retransformClasses(ThreadPoolExecutor.class, FutureTask.class);
        } catch (Exception | LinkageError e) {
            err.println("racelock: cannot instrument ThreadPoolExecutor (" + e + "); its tasks run wrapped");
        }
        if (transformer.workerHooked && transformer.futureTaskHooked) {
            dev.racelock.agent.runtime.ExecutorHooks.workersRecorded();
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (classBeingRedefined == null || !(TPE.equals(className) || FUTURE_TASK.equals(className))) {
            return null;
        }
        try {
            boolean[] hooked = new boolean[1];
            byte[] result = TPE.equals(className) ? worker(classfileBuffer, hooked)
                    : futureTask(classfileBuffer, hooked);
            if (TPE.equals(className)) {
                workerHooked = hooked[0];
            } else {
                futureTaskHooked = hooked[0];
            }
            return hooked[0] ? result : null;
        } catch (Throwable t) {
            err.println("racelock: cannot instrument " + className + " (" + t + ")");
            return null;
        }
    }

    /** @param hooked set when both the beforeExecute and the Worker.unlock calls were found */
    static byte[] worker(byte[] original, boolean[] hooked) {
        boolean[] seen = new boolean[2];
        byte[] result = MethodBodyRewrite.apply(original, (name, descriptor, next) -> !name.equals("runWorker") ? next
                : new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (owner.equals(TPE) && method.equals("beforeExecute")
                                && desc.equals("(Ljava/lang/Thread;Ljava/lang/Runnable;)V")) {
                            super.visitInsn(Opcodes.DUP); // the task, on top of the stack
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "taskStarting",
                                    "(Ljava/lang/Object;)V", false);
                            seen[0] = true;
                        } else if (owner.equals(TPE + "$Worker") && method.equals("unlock") && desc.equals("()V")) {
                            super.visitVarInsn(Opcodes.ALOAD, 0);
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "workerIdle",
                                    "(Ljava/lang/Object;)V", false);
                            seen[1] = true;
                        }
                        super.visitMethodInsn(opcode, owner, method, desc, itf);
                    }
                });
        hooked[0] = seen[0] && seen[1];
        return result;
    }

    /** @param hooked set when both constructors were found */
    static byte[] futureTask(byte[] original, boolean[] hooked) {
        int[] seen = new int[1];
        byte[] result = MethodBodyRewrite.apply(original, (name, descriptor, next) -> {
            boolean constructor = name.equals("<init>") && (descriptor.equals("(Ljava/util/concurrent/Callable;)V")
                    || descriptor.equals("(Ljava/lang/Runnable;Ljava/lang/Object;)V"));
            if (!constructor) {
                return next;
            }
            seen[0]++;
            return new MethodVisitor(Opcodes.ASM9, next) {
                @Override
                public void visitInsn(int opcode) {
                    if (opcode == Opcodes.RETURN) {
                        super.visitVarInsn(Opcodes.ALOAD, 0);
                        super.visitVarInsn(Opcodes.ALOAD, 1);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "taskCreated",
                                "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
                    }
                    super.visitInsn(opcode);
                }
            };
        });
        hooked[0] = seen[0] == 2;
        return result;
    }
}
