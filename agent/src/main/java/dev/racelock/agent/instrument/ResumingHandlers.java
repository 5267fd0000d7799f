package dev.racelock.agent.instrument;

import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.util.HashSet;
import java.util.Set;

/**
 * The exception handlers of a method after which the method may go on: those that begin
 * {@code Rt.caught}, with stacks on. A handler whose straight-line code ends in {@code athrow}
 * before any jump, switch or return (javac's handler of a {@code synchronized} block and of a
 * {@code finally}, a catch that wraps and throws) cannot go on: the method then leaves by an
 * exception, whose exit takes every frame left above it, or another handler of it catches, which
 * is in this set if it goes on. Leaving those out keeps a never-run call out of most handlers:
 * with it in every handler, Xalan's full recording took about 1.09x the CPU (docs/performance.md,
 * "A call in each exception handler").
 * The cost is the stack of what such a handler itself records (the monitor's release, a finally
 * block's events) after a constructor's {@code this(...)} or {@code super(...)} threw: it may
 * still show the frames that exception left. A {@code jsr} is a jump, so an old finally
 * subroutine's handler counts as going on.
 */
final class ResumingHandlers {
    private ResumingHandlers() {}

    static Set<Label> of(MethodNode method) {
        Set<Label> resuming = new HashSet<>();
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            if (!endsInThrow(block.handler)) {
                resuming.add(block.handler.getLabel());
            }
        }
        return resuming;
    }

    /** True if the code from {@code start} reaches an athrow before any jump, switch or return. */
    private static boolean endsInThrow(AbstractInsnNode start) {
        for (AbstractInsnNode insn = start; insn != null; insn = insn.getNext()) {
            int op = insn.getOpcode();
            if (op == Opcodes.ATHROW) {
                return true;
            }
            if (insn instanceof JumpInsnNode || insn instanceof TableSwitchInsnNode
                    || insn instanceof LookupSwitchInsnNode || op == Opcodes.RET
                    || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)) {
                return false;
            }
        }
        return false;
    }
}
