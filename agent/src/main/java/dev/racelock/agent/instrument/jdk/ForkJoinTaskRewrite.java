package dev.racelock.agent.instrument.jdk;

import dev.racelock.agent.runtime.juc.ForkJoinHooks;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;


/**
 * Retransforms {@code java.util.concurrent.ForkJoinTask} so that tasks created and run entirely
 * inside the JDK (parallel streams) carry the ForkJoinTask memory-consistency edges (its class
 * note: fork happens-before the task's execution, completion before join/invoke return):
 * {@code fork()} entry releases the task's token, {@code doExec()} acquires it at entry;
 * {@code setDone()} (normal completion) and CountedCompleter's {@code tryComplete},
 * {@code propagateCompletion}, {@code complete}, {@code quietlyCompleteRoot} release the
 * task's token and its root's first, before the completion can be seen; {@code join()} and
 * {@code invoke()} acquire the task's token before returning normally (ForkJoinHooks).
 * Exceptional completion: {@code trySetThrown} (JDK 17-25: every path that records a task's
 * exception, from doExec's catch, completeExceptionally and a CountedCompleter's propagation to
 * its completers) releases like setDone; {@code reportException} (and JDK 17's
 * {@code reportExecutionException}), through which join, invoke, get and the two-task invokeAll
 * throw a task's exception, acquires. Method bodies only, no branch added. docs/juc.md,
 * "Parallel streams".
 */
final class ForkJoinTaskRewrite extends JdkClassRewrite {
    private static final String TASK = "java/util/concurrent/ForkJoinTask";
    private static final String COMPLETER = "java/util/concurrent/CountedCompleter";
    private static final String HOOKS = Type.getInternalName(ForkJoinHooks.class);

    ForkJoinTaskRewrite() {
        super("parallel streams are not ordered", TASK, COMPLETER);
    }
    private static final String OBJECT_ARG = "(Ljava/lang/Object;)V";

    @Override
    byte[] rewrite(String internalName, byte[] original) {
        return TASK.equals(internalName) ? instrument(original) : completer(original);
    }

    static byte[] instrument(byte[] original) {
        return MethodBodyRewrite.apply(original, (name, descriptor, next) -> {
            String atEntry = descriptor.startsWith("()") ? switch (name) {
                case "fork" -> "forking";
                case "doExec" -> "running";
                case "setDone" -> "completing";
                default -> null;
            } : null;
            if (name.equals("trySetThrown") && descriptor.startsWith("(Ljava/lang/Throwable;)")) {
                atEntry = "throwing"; // JDK 17: returns int, JDK 25: boolean
            } else if ((name.equals("reportException") || name.equals("reportExecutionException"))
                    && (descriptor.equals("(I)V") || descriptor.equals("(Z)V"))) {
                atEntry = "awaitedAbnormally"; // join/invoke/get about to throw the task's exception
            }
            boolean awaits = (name.equals("join") || name.equals("invoke"))
                    && descriptor.equals("()Ljava/lang/Object;");
            if (atEntry != null) {
                return MethodBodyRewrite.atEntry(next, HOOKS, atEntry);
            }
            return awaits ? normalReturn(next, "awaited") : next;
        });
    }

    /** CountedCompleter: its completion paths release the task's and its root's tokens first. */
    static byte[] completer(byte[] original) {
        return MethodBodyRewrite.apply(original, (name, descriptor, next) -> {
            boolean completion = (descriptor.equals("()V") && (name.equals("tryComplete")
                    || name.equals("propagateCompletion") || name.equals("quietlyCompleteRoot")))
                    || (name.equals("complete") && descriptor.equals("(Ljava/lang/Object;)V"));
            return completion ? MethodBodyRewrite.atEntry(next, HOOKS, "completing") : next;
        });
    }

    private static MethodVisitor normalReturn(MethodVisitor next, String hook) {
        return new MethodVisitor(Opcodes.ASM9, next) {
            @Override
            public void visitInsn(int opcode) {
                if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                    super.visitVarInsn(Opcodes.ALOAD, 0);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook, OBJECT_ARG, false);
                }
                super.visitInsn(opcode);
            }
        };
    }
}
