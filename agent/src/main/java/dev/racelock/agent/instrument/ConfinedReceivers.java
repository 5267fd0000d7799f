package dev.racelock.agent.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which observed calls' receivers are objects no other thread can reach: made in this method
 * ({@code new StringBuffer()}, {@code new Vector()}) and never let out of it, as Xalan's
 * {@code FuncConcat.execute} builds its result in a {@code StringBuffer} of its own. A call
 * observer has nothing to record for such a call (docs/library-model.md, "Objects a method keeps
 * to itself"): a race needs a second thread on the object, a lock-order cycle through its monitor a
 * second thread holding it. On Xalan, three fifths of the JDK monitors the model recorded were of
 * such objects (docs/performance.md).
 *
 * <p>An allocation counts when the observers say its class keeps its instances to themselves
 * ({@link CallSiteHooks.CallObserver#keepsInstancesToThemselves}: the library model's JDK classes,
 * whose constructors and methods never hand {@code this} out). Everything the method derives
 * from the object follows it: its copies ({@code dup}, locals, casts) and what a call on it
 * returns, other than a {@code String} or a primitive (a view, an iterator or an enumeration
 * reaches the object; {@code append} returns it). The object is let out when any of these is
 * stored in a field, a static or an array, returned, thrown, passed as an argument to any call
 * (its own constructor's receiver excepted), or used by an instruction not listed as harmless.
 * A receiver is confined when every value it may be is such an object or derived from one, and
 * none of those objects is let out. A method ASM's analysis cannot follow has none.
 */
final class ConfinedReceivers {
    /** Deeper chains of copies and calls are not followed (the receiver is then not confined). */
    private static final int MAX_DEPTH = 32;

    private final InsnList instructions;
    private final Frame<SourceValue>[] frames;
    /** Whether a {@code new} of this class (an internal name) makes an object to follow. */
    private final Predicate<String> fresh;
    /** Indexes (in {@link #instructions}) of the allocations that are let out. */
    private final BitSet escaped = new BitSet();

    private ConfinedReceivers(InsnList instructions, Frame<SourceValue>[] frames, Predicate<String> fresh) {
        this.instructions = instructions;
        this.frames = frames;
        this.fresh = fresh;
    }

    /**
     * Per call of {@code calls} (with a receiver), in order: whether its receiver is confined.
     *
     * @param frames the method's frames from ASM's {@code SourceInterpreter}, or null (nothing is confined)
     * @param fresh  whether a {@code new} of a class (an internal name) makes an object to follow
     */
    static boolean[] of(InsnList instructions, Frame<SourceValue>[] frames, List<MethodInsnNode> calls,
                        Predicate<String> fresh) {
        boolean[] confined = new boolean[calls.size()];
        if (frames == null || !allocatesFresh(instructions, fresh)) {
            return confined;
        }
        ConfinedReceivers r = new ConfinedReceivers(instructions, frames, fresh);
        r.findEscapes();
        for (int i = 0; i < calls.size(); i++) {
            MethodInsnNode call = calls.get(i);
            Frame<SourceValue> frame = frames[instructions.indexOf(call)];
            if (call.getOpcode() != Opcodes.INVOKESTATIC && frame != null) {
                int arguments = Type.getArgumentTypes(call.desc).length;
                confined[i] = r.confined(frame.getStack(frame.getStackSize() - arguments - 1));
            }
        }
        return confined;
    }

    private static boolean allocatesFresh(InsnList instructions, Predicate<String> fresh) {
        for (AbstractInsnNode insn : instructions) {
            if (insn.getOpcode() == Opcodes.NEW && fresh.test(((TypeInsnNode) insn).desc)) {
                return true;
            }
        }
        return false;
    }

    private boolean confined(SourceValue receiver) {
        Derivation d = derivation(receiver);
        if (d.alsoOther || d.allocations.isEmpty()) {
            return false;
        }
        for (AbstractInsnNode allocation : d.allocations) {
            if (escaped.get(instructions.indexOf(allocation))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a value may be: the fresh allocations it may be or derive from, and whether it may
     * also be anything else (a parameter, a field's value, another call's result, a constant).
     */
    private static final class Derivation {
        final Set<AbstractInsnNode> allocations = new HashSet<>();
        boolean alsoOther;
        /** The chain was too deep to follow: the allocations may be incomplete. */
        boolean gaveUp;
    }

    /**
     * The derivation of {@code value}: the union over every instruction it may come from, followed
     * back through copies ({@code dup}s, locals, casts) and calls on the object (what they return,
     * but a {@code String} or a primitive). Each instruction is visited once, so a loop that feeds
     * a call's result back into its local ({@code sb = sb.append(x)}) is the object's still.
     */
    private Derivation derivation(SourceValue value) {
        Derivation d = new Derivation();
        follow(value, 0, new HashSet<>(), d);
        return d;
    }

    private void follow(SourceValue value, int depth, Set<AbstractInsnNode> seen, Derivation d) {
        if (value == null || value.insns.isEmpty()) {
            d.alsoOther = true; // a parameter, or nothing ASM could name
            return;
        }
        if (depth > MAX_DEPTH) {
            d.alsoOther = true;
            d.gaveUp = true;
            return;
        }
        for (AbstractInsnNode insn : value.insns) {
            if (seen.add(insn)) {
                followInsn(insn, depth, seen, d);
            }
        }
    }

    /** The derivation of the value {@code insn} produced (for a store: the value it stored), into {@code d}. */
    private void followInsn(AbstractInsnNode insn, int depth, Set<AbstractInsnNode> seen, Derivation d) {
        int op = insn.getOpcode();
        if (op == Opcodes.NEW) {
            if (fresh.test(((TypeInsnNode) insn).desc)) {
                d.allocations.add(insn);
            } else {
                d.alsoOther = true;
            }
            return;
        }
        Frame<SourceValue> at = frames[instructions.indexOf(insn)];
        if (at == null) {
            d.alsoOther = true;
            return;
        }
        switch (op) {
            case Opcodes.CHECKCAST, Opcodes.ASTORE, Opcodes.DUP -> follow(at.getStack(at.getStackSize() - 1), depth + 1, seen, d);
            case Opcodes.DUP_X1, Opcodes.DUP_X2, Opcodes.DUP2, Opcodes.DUP2_X1, Opcodes.DUP2_X2, Opcodes.SWAP -> {
                // which of the values it moved is which: any of the top ones it reads
                int reads = Math.min(at.getStackSize(), op == Opcodes.SWAP || op == Opcodes.DUP_X1 ? 2
                        : op == Opcodes.DUP2_X2 ? 4 : 3);
                for (int k = 1; k <= reads; k++) {
                    follow(at.getStack(at.getStackSize() - k), depth + 1, seen, d);
                }
            }
            case Opcodes.ALOAD -> follow(at.getLocal(((VarInsnNode) insn).var), depth + 1, seen, d);
            case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE -> {
                MethodInsnNode call = (MethodInsnNode) insn;
                if (derivesFromReceiver(Type.getReturnType(call.desc))) {
                    int arguments = Type.getArgumentTypes(call.desc).length;
                    follow(at.getStack(at.getStackSize() - arguments - 1), depth + 1, seen, d);
                } else {
                    d.alsoOther = true;
                }
            }
            default -> d.alsoOther = true;
        }
    }

    /** Marks every fresh allocation some value derived from which is let out of the method. */
    private void findEscapes() {
        for (int i = 0; i < instructions.size(); i++) {
            AbstractInsnNode insn = instructions.get(i);
            Frame<SourceValue> frame = frames[i];
            if (frame == null) {
                continue; // unreachable
            }
            int op = insn.getOpcode();
            switch (op) {
                // harmless: copies, comparisons, locks, discards; a value they produce is followed where it goes
                case Opcodes.ASTORE, Opcodes.DUP, Opcodes.DUP_X1, Opcodes.DUP_X2, Opcodes.DUP2, Opcodes.DUP2_X1,
                     Opcodes.DUP2_X2, Opcodes.SWAP, Opcodes.POP, Opcodes.POP2, Opcodes.CHECKCAST,
                     Opcodes.INSTANCEOF, Opcodes.IFNULL, Opcodes.IFNONNULL, Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE,
                     Opcodes.MONITORENTER, Opcodes.MONITOREXIT -> { }
                case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC -> {
                    MethodInsnNode call = (MethodInsnNode) insn;
                    int arguments = Type.getArgumentTypes(call.desc).length;
                    for (int k = 0; k < arguments; k++) {
                        letOut(frame.getStack(frame.getStackSize() - 1 - k));
                    }
                    if (op != Opcodes.INVOKESTATIC && !call.owner.startsWith("java/")) {
                        // a receiver's method outside the JDK (an interface of the application's,
                        // which a fresh JDK object cannot be): not known to keep it
                        letOut(frame.getStack(frame.getStackSize() - 1 - arguments));
                    }
                }
                case Opcodes.INVOKEDYNAMIC, Opcodes.ARETURN, Opcodes.ATHROW, Opcodes.PUTSTATIC, Opcodes.PUTFIELD,
                     Opcodes.AASTORE, Opcodes.GETFIELD, Opcodes.ARRAYLENGTH -> {
                    for (int k = 1; k <= operands(insn, frame); k++) {
                        letOut(frame.getStack(frame.getStackSize() - k));
                    }
                }
                default -> { } // consumes no reference: arithmetic, primitive loads and stores, jumps, constants
            }
        }
    }

    /** How many stack values an instruction of the let-out group consumes. */
    private static int operands(AbstractInsnNode insn, Frame<SourceValue> frame) {
        return switch (insn.getOpcode()) {
            case Opcodes.INVOKEDYNAMIC -> Type.getArgumentTypes(
                    ((org.objectweb.asm.tree.InvokeDynamicInsnNode) insn).desc).length;
            case Opcodes.PUTFIELD -> 2;
            case Opcodes.AASTORE -> 3;
            case Opcodes.ARETURN, Opcodes.ATHROW, Opcodes.PUTSTATIC, Opcodes.GETFIELD, Opcodes.ARRAYLENGTH -> 1;
            default -> frame.getStackSize();
        };
    }

    /** Every allocation {@code value} may derive from is let out; all of them, when it cannot tell. */
    private void letOut(SourceValue value) {
        Derivation d = derivation(value);
        if (d.gaveUp) {
            markAllFreshEscaped();
        }
        for (AbstractInsnNode allocation : d.allocations) {
            escaped.set(instructions.indexOf(allocation));
        }
    }

    /**
     * Whether what a call returns may reach its receiver: any reference but a {@code String}
     * (immutable, never the receiver's own storage), so that a view, an iterator, an element
     * array or the receiver itself ({@code append}) is followed.
     */
    private static boolean derivesFromReceiver(Type returned) {
        return (returned.getSort() == Type.OBJECT || returned.getSort() == Type.ARRAY)
                && !returned.getInternalName().equals("java/lang/String");
    }

    private void markAllFreshEscaped() {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).getOpcode() == Opcodes.NEW) {
                escaped.set(i);
            }
        }
    }
}
