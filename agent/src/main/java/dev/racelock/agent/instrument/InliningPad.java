package dev.racelock.agent.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.CodeSizeEvaluator;

/**
 * Keeps HotSpot's C2 compiler from inlining an instrumented method that grew large: one whose
 * bytecode is longer than {@link #INLINED_UP_TO} gets unreachable padding past
 * {@link #HOT_INLINE_LIMIT}, the size above which C2 inlines no callee, however hot its call
 * ({@code -XX:FreqInlineSize}'s default on x86-64 and AArch64).
 *
 * <p>Why: every recorded access, entry and exit is a call, across which C2 spills the program's
 * live values, and C2 inlines a hot instrumented callee with all its hook calls into its caller,
 * and that caller into its own: on the workloads, compiling took about half of a recording's CPU
 * (docs/performance.md, "Instrumented methods kept out of C2's inlining"). Compiled once on their
 * own, such methods cost C2 less (H2: 13.7 s instead of 18.7), and the call they are is one more
 * among the hooks' many.
 * Small methods (a getter, a setter) stay inlinable. The padding is never executed and never
 * compiled: {@code nop}s, then {@code aconst_null; athrow}, after the method's last instruction,
 * behind a frame of its own (no locals, empty stack) in class files that have frames.
 */
final class InliningPad extends CodeSizeEvaluator {
    /** C2 inlines no method longer than this many bytes of bytecode (FreqInlineSize, 325). */
    static final int HOT_INLINE_LIMIT = 325;
    /** An instrumented method up to this long is left inlinable. */
    static final int INLINED_UP_TO = 100;

    private final boolean hasFrames;

    InliningPad(MethodVisitor next, boolean hasFrames) {
        super(Opcodes.ASM9, next);
        this.hasFrames = hasFrames;
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (getMaxSize() > INLINED_UP_TO && getMinSize() <= HOT_INLINE_LIMIT) {
            if (hasFrames) {
                super.visitFrame(Opcodes.F_NEW, 0, new Object[0], 0, new Object[0]);
            }
            for (int pad = HOT_INLINE_LIMIT + 1 - getMinSize() - 2; pad > 0; pad--) {
                super.visitInsn(Opcodes.NOP);
            }
            super.visitInsn(Opcodes.ACONST_NULL);
            super.visitInsn(Opcodes.ATHROW);
        }
        super.visitMaxs(maxStack, maxLocals); // the writer computes them (COMPUTE_MAXS)
    }
}
