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
            return run ? new RunBody(next) : next;
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

    private static final class RunBody extends MethodVisitor {
        private final Label start = new Label();

        RunBody(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Emit.RT, "runBegin", "()V", false);
            super.visitLabel(start);
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
