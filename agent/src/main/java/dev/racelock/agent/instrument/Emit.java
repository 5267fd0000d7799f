package dev.racelock.agent.instrument;

import dev.racelock.agent.runtime.Rt;
import dev.racelock.agent.runtime.ThreadContext;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What every rewriter of the agent emits: the names of the runtime types instrumented code links
 * to, taken from class literals so that a renamed runtime class breaks the build rather than the
 * user's program, and the shortest instruction for an int constant.
 */
public final class Emit {
    /** Internal name of {@link Rt}, the hooks of the core recorder. */
    public static final String RT = Type.getInternalName(Rt.class);
    /** Internal name of {@link ThreadContext}, the per-thread state every hook takes last. */
    public static final String CONTEXT = Type.getInternalName(ThreadContext.class);
    public static final String CONTEXT_DESC = "L" + CONTEXT + ";";

    private Emit() {}

    /** Pushes the calling thread's context, looked up by a call ({@link Rt#context}). */
    public static void lookUpContext(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RT, "context", "()" + CONTEXT_DESC, false);
    }

    /** Pushes {@code value} with iconst, bipush, sipush or ldc, whichever is shortest. */
    public static void push(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }
}
