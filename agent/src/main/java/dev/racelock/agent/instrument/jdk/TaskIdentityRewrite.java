package dev.racelock.agent.instrument.jdk;

import dev.racelock.agent.runtime.juc.ExecutorHooks;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;


/**
 * Rewrites the JDK classes that build, start and finish executor tasks, so that tasks are
 * handed over as they are and never wrapped (docs/juc.md, "Task identity"):
 * <ul>
 *   <li>{@code ThreadPoolExecutor.runWorker}: just before {@code beforeExecute(thread, task)},
 *       {@code ExecutorHooks.taskStarting(task)} acquires the token the submission bound to that
 *       task object; before each {@code Worker.unlock()}, which follows every task and its
 *       afterExecute, {@code ExecutorHooks.workerIdle(this)} releases the executor's token
 *       (awaitTermination);</li>
 *   <li>{@code FutureTask}: at the end of {@code FutureTask(Callable)} and
 *       {@code FutureTask(Runnable, V)}, {@code ExecutorHooks.taskCreated(this, body)} binds a
 *       FutureTask built for the task being handed over to that submission's token; first thing
 *       in {@code run()} and {@code runAndReset()}, {@code taskStarting(this)} acquires it (any
 *       AbstractExecutorService, newTaskFor overrides, ExecutorCompletionService);</li>
 *   <li>the adapters nested in {@code ForkJoinTask} (a ForkJoinPool's wrappers of Runnables and
 *       Callables): every constructor taking the task first calls {@code taskCreated(this, task)};</li>
 *   <li>{@code ThreadPerTaskExecutor.taskComplete} (JDK 21+, virtual-thread-per-task executors):
 *       {@code workerIdle(this)} first, before the executor can terminate. Its tasks start in a
 *       thread started inside the call, which ThreadRunRewrite records.</li>
 * </ul>
 * Only calls with no branch are inserted, so no stack map frame changes; method bodies only, as
 * retransformation requires. Classes loaded later are rewritten as they load. If the JDK's code
 * differs (a call not found), a warning says which edges are missing; tasks are never wrapped.
 */
final class TaskIdentityRewrite extends JdkClassRewrite {
    private static final String TPE = "java/util/concurrent/ThreadPoolExecutor";
    private static final String FUTURE_TASK = "java/util/concurrent/FutureTask";
    private static final String FJ_ADAPTER = "java/util/concurrent/ForkJoinTask$";
    private static final String PER_TASK = "java/util/concurrent/ThreadPerTaskExecutor";
    private static final String HOOKS = Type.getInternalName(ExecutorHooks.class);

    TaskIdentityRewrite() {
        super("some of its tasks are not ordered after their submission", TPE, FUTURE_TASK, PER_TASK);
    }

    @Override
    boolean rewrites(String internalName) {
        return super.rewrites(internalName) || internalName.startsWith(FJ_ADAPTER); // adapters load as used
    }

    @Override
    byte[] rewrite(String internalName, byte[] original) {
        boolean[] hooked = new boolean[1];
        byte[] result = TPE.equals(internalName) ? worker(original, hooked)
                : FUTURE_TASK.equals(internalName) ? futureTask(original, hooked)
                : PER_TASK.equals(internalName) ? perTaskExecutor(original, hooked)
                : forkJoinAdapter(original, hooked);
        if (!hooked[0] && !internalName.startsWith(FJ_ADAPTER)) {
            throw new UnexpectedCode("its code is not as expected");
        }
        return hooked[0] ? result : null; // an adapter that wraps no task is left alone
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

    /** @param hooked set when both constructors and run/runAndReset were found */
    static byte[] futureTask(byte[] original, boolean[] hooked) {
        int[] seen = new int[2];
        byte[] result = MethodBodyRewrite.apply(original, (name, descriptor, next) -> {
            boolean constructor = name.equals("<init>") && (descriptor.equals("(Ljava/util/concurrent/Callable;)V")
                    || descriptor.equals("(Ljava/lang/Runnable;Ljava/lang/Object;)V"));
            if (constructor) {
                seen[0]++;
                return wrapperBuilt(next);
            }
            if ((name.equals("run") && descriptor.equals("()V"))
                    || (name.equals("runAndReset") && descriptor.equals("()Z"))) {
                seen[1]++;
                return MethodBodyRewrite.atEntry(next, HOOKS, "taskStarting");
            }
            return next;
        });
        hooked[0] = seen[0] == 2 && seen[1] == 2;
        return result;
    }

    /** ForkJoinTask's nested adapters: each constructor whose first parameter is the task. */
    static byte[] forkJoinAdapter(byte[] original, boolean[] hooked) {
        return MethodBodyRewrite.apply(original, (name, descriptor, next) -> {
            boolean wraps = name.equals("<init>") && (descriptor.startsWith("(Ljava/lang/Runnable;")
                    || descriptor.startsWith("(Ljava/util/concurrent/Callable;"));
            if (wraps) {
                hooked[0] = true;
            }
            return wraps ? wrapperBuilt(next) : next;
        });
    }

    /** ThreadPerTaskExecutor.taskComplete(Thread): the task's end, before termination can be seen. */
    static byte[] perTaskExecutor(byte[] original, boolean[] hooked) {
        return MethodBodyRewrite.apply(original, (name, descriptor, next) -> {
            boolean complete = name.equals("taskComplete") && descriptor.equals("(Ljava/lang/Thread;)V");
            if (complete) {
                hooked[0] = true;
            }
            return complete ? MethodBodyRewrite.atEntry(next, HOOKS, "workerIdle") : next;
        });
    }

    /** Before each return of a constructor: taskCreated(this, first argument). */
    private static MethodVisitor wrapperBuilt(MethodVisitor next) {
        return MethodBodyRewrite.beforeReturn(next, HOOKS, "taskCreated");
    }
}
