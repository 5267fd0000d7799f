package dev.racelock.agent.instrument.jdk;

import dev.racelock.agent.instrument.Emit;
import dev.racelock.agent.runtime.ThreadHooks;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;


/**
 * Retransforms {@code java.lang.Thread.run()} (and {@code java.lang.VirtualThread.run(Runnable)}
 * on JDK 21+, where each virtual thread's task runs) so every thread whose run() is not
 * overridden by an instrumented class (a Thread given a Runnable or a lambda, pool workers)
 * records its begin before its first access and its end after its last; and
 * {@code Thread.start} (both forms, and VirtualThread's) records a start that recorded code did
 * not make itself (see {@code ThreadHooks.starting}). Retransformation may
 * change method bodies only, which is all this does: a call at entry, a call before each
 * return, and a catch-all handler that calls and rethrows. java.base must read the bootstrap
 * unnamed module for the call to link; the agent adds that read before retransforming.
 */
final class ThreadRunRewrite extends JdkClassRewrite {
    private static final String HOOKS = Type.getInternalName(ThreadHooks.class);

    ThreadRunRewrite() {
        super("threads started with a Runnable record no end event", "java/lang/Thread", "java/lang/VirtualThread");
    }

    @Override
    byte[] rewrite(String internalName, byte[] original) {
        return instrument(original);
    }

    static byte[] instrument(byte[] original) {
        // The run body gets a catch-all handler, whose frame is written expanded like the others.
        return MethodBodyRewrite.apply(original, ClassReader.EXPAND_FRAMES, (name, descriptor, next) -> {
            if (isStart(name, descriptor)) {
                return MethodBodyRewrite.atEntry(next, HOOKS, "starting");
            }
            // Thread.run(); VirtualThread.run(Runnable) (JDK 21+), private, runs a virtual thread's task
            boolean run = name.equals("run")
                    && (descriptor.equals("()V") || descriptor.equals("(Ljava/lang/Runnable;)V"));
            return run ? new RunBody(next, descriptor.equals("()V")) : next;
        });
    }

    /**
     * {@code Thread.start()} and {@code start(ThreadContainer)} (JDK 21+: executors of one thread
     * per task, structured concurrency, virtual threads): a start made inside the JDK, where no
     * call site of recorded code sees it, is recorded too (ThreadHooks.starting).
     */
    private static boolean isStart(String name, String descriptor) {
        return name.equals("start")
                && (descriptor.equals("()V") || descriptor.equals("(Ljdk/internal/vm/ThreadContainer;)V"));
    }

    /**
     * A run body: begin and end of the thread, and the thread's task handed to {@code Rt.runTask}
     * before it runs (so the frame it enters can be marked as the thread's entry). Thread.run()
     * reads its task from a field ({@code target} on JDK 17, {@code holder.task} on 19+): the
     * first {@code getfield} of a Runnable is that read. VirtualThread.run(Runnable) is given it.
     */
    private static final class RunBody extends MethodVisitor {
        private static final String RUNNABLE = "Ljava/lang/Runnable;";
        private final Label start = new Label();
        private boolean taskFromField;

        RunBody(MethodVisitor next, boolean taskFromField) {
            super(Opcodes.ASM9, next);
            this.taskFromField = taskFromField;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Emit.RT, "runBegin", "()V", false);
            if (!taskFromField) {
                super.visitVarInsn(Opcodes.ALOAD, 1);
                runTask();
            }
            super.visitLabel(start);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            super.visitFieldInsn(opcode, owner, name, descriptor);
            if (taskFromField && opcode == Opcodes.GETFIELD && descriptor.equals(RUNNABLE)) {
                taskFromField = false;
                super.visitInsn(Opcodes.DUP);
                runTask();
            }
        }

        private void runTask() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Emit.RT, "runTask", "(" + RUNNABLE + ")V", false);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.RETURN) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Emit.RT, "runEnd", "()V", false);
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            Label end = new Label();
            Label handler = new Label();
            super.visitLabel(end);
            super.visitTryCatchBlock(start, end, handler, null);
            super.visitLabel(handler);
            super.visitFrame(Opcodes.F_NEW, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"});
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Emit.RT, "runEnd", "()V", false);
            super.visitInsn(Opcodes.ATHROW);
            super.visitMaxs(maxStack, maxLocals);
        }
    }
}
