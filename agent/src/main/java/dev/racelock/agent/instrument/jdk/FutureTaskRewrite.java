package dev.racelock.agent.instrument.jdk;

import dev.racelock.agent.runtime.juc.ExecutorHooks;
import dev.racelock.agent.runtime.juc.FutureStateHooks;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;


/**
 * Retransforms {@code java.util.concurrent.FutureTask}, whose whole state is one volatile int
 * ({@code state}: NEW, then COMPLETING/NORMAL/EXCEPTIONAL or CANCELLED/INTERRUPTING/INTERRUPTED),
 * so that every FutureTask, whoever created, ran or queried it (an executor, a thread given one,
 * library code), records:
 * <ul>
 *   <li>first thing in {@code set} and {@code setException}, its own token (its object id) is
 *       released, while the state is still NEW: after the computation, before it is marked
 *       complete, so before any {@code get} can return (ExecutorHooks.get acquires it); a task
 *       cancelled meanwhile changes nothing there and releases nothing;</li>
 *   <li>{@code runAndReset}, which runs a periodic task once and leaves it incomplete: its start
 *       acquires the task's periodic-run token, and a run that completed (returns true) releases
 *       it before returning, so the runs of one periodic task are ordered one after the other
 *       (ScheduledThreadPoolExecutor: "the effects of prior executions happen-before those of
 *       subsequent ones"; the runner field each run claims by compare-and-set and clears at its
 *       end orders them for any caller);</li>
 *   <li>first thing in {@code cancel}, a cancellation token of the task's own is released when
 *       the state is NEW (the only state its compare-and-set succeeds from); {@code isDone},
 *       {@code isCancelled} and a failed {@code cancel} in recorded code acquire it
 *       (FutureStateHooks).</li>
 * </ul>
 * The state is read by the inserted code itself, never through a method a subclass could
 * override. So a task's end and its cancellation are never both released: set and cancel each
 * release only from NEW, and only one of them leaves NEW. Method bodies only, as retransformation
 * requires; java.base reads the bootstrap unnamed module already (AgentStartup, for Thread.run).
 */
final class FutureTaskRewrite extends JdkClassRewrite {
    private static final String FUTURE_TASK = "java/util/concurrent/FutureTask";
    private static final String EXECUTOR_HOOKS = Type.getInternalName(ExecutorHooks.class);
    private static final String STATE_HOOKS = Type.getInternalName(FutureStateHooks.class);

    FutureTaskRewrite() {
        super("a FutureTask not submitted by recorded code is not ordered before its get(), nor the runs of a"
                + " periodic task with each other, nor its cancellation before isCancelled()", FUTURE_TASK);
    }

    @Override
    byte[] rewrite(String internalName, byte[] original) {
        if (!hasStateField(original)) {
            throw new UnexpectedCode("it has no int field 'state'");
        }
        return instrument(original);
    }

    static byte[] instrument(byte[] original) {
        return MethodBodyRewrite.apply(original, (name, descriptor, next) -> {
            boolean completion = (name.equals("set") && descriptor.equals("(Ljava/lang/Object;)V"))
                    || (name.equals("setException") && descriptor.equals("(Ljava/lang/Throwable;)V"));
            if (completion) {
                return withState(next, EXECUTOR_HOOKS, "completing");
            }
            if (name.equals("runAndReset") && descriptor.equals("()Z")) {
                return periodicRun(next);
            }
            return name.equals("cancel") && descriptor.equals("(Z)Z") ? withState(next, STATE_HOOKS, "cancelling")
                    : next;
        });
    }

    static boolean hasStateField(byte[] classFile) {
        boolean[] found = new boolean[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                found[0] |= name.equals("state") && descriptor.equals("I") && (access & Opcodes.ACC_STATIC) == 0;
                return null;
            }
        }, ClassReader.SKIP_CODE);
        return found[0];
    }

    /** Pushes {@code this} and {@code this.state}. */
    private static void thisAndState(MethodVisitor mv) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, FUTURE_TASK, "state", "I");
    }

    /** First thing in the method: {@code owner.hook(this, this.state)}. */
    private static MethodVisitor withState(MethodVisitor next, String owner, String hook) {
        return new MethodVisitor(Opcodes.ASM9, next) {
            @Override
            public void visitCode() {
                super.visitCode();
                thisAndState(this);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, owner, hook, "(Ljava/lang/Object;I)V", false);
            }
        };
    }

    /** runAndReset: {@code periodicRunStarting(this)} first, {@code periodicRunEnded(result, this)} before each return. */
    private static MethodVisitor periodicRun(MethodVisitor next) {
        return new MethodVisitor(Opcodes.ASM9, MethodBodyRewrite.atEntry(next, EXECUTOR_HOOKS, "periodicRunStarting")) {
            @Override
            public void visitInsn(int opcode) {
                if (opcode == Opcodes.IRETURN) {
                    super.visitInsn(Opcodes.DUP);
                    super.visitVarInsn(Opcodes.ALOAD, 0);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, EXECUTOR_HOOKS, "periodicRunEnded",
                            "(ZLjava/lang/Object;)V", false);
                }
                super.visitInsn(opcode);
            }
        };
    }
}
