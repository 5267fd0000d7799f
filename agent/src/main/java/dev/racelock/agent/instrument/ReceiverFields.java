package dev.racelock.agent.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where each observed call's receiver comes from: the field it was loaded from
 * ({@code Registry.byName} for {@code byName.put(k, v)}, for {@code Map m = byName; m.put(k, v)}
 * and through casts and {@code dup}s), so that a model's finding can say which field held the
 * object (as a monitor's lock class says which field held the lock); and whether it is an object
 * the method made and keeps to itself ({@link ConfinedReceivers}), whose calls need no
 * observing. Found by a data flow over the method ({@link ReferenceSources}, ASM's source interpreter for references) when it has
 * an observed call; a receiver with several origins, or one not loaded from a field, has no
 * field. Answers in the order the calls are visited.
 */
final class ReceiverFields {
    private static final int MAX_DEPTH = 6;

    /**
     * An observed call's receiver.
     *
     * @param field    {owner, name, descriptor, "static" or null} of the field it was loaded from, or null
     * @param confined an object of the method's own that no other thread can reach
     */
    record Receiver(String[] field, boolean confined) {}

    private final List<Receiver> receivers;
    private int next;

    private ReceiverFields(List<Receiver> receivers) {
        this.receivers = receivers;
    }

    /**
     * @param observed which calls are observed
     * @param fresh    whether a {@code new} of a class (an internal name) makes an object whose calls
     *                 need no observing while the method keeps it to itself ({@link ConfinedReceivers})
     */
    static ReceiverFields of(String owner, MethodNode method, Predicate<MethodInsnNode> observed,
                             Predicate<String> fresh) {
        List<MethodInsnNode> calls = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && observed.test(call)) {
                calls.add(call);
            }
        }
        List<Receiver> receivers = new ArrayList<>(calls.size());
        if (calls.isEmpty()) {
            return new ReceiverFields(receivers);
        }
        Frame<SourceValue>[] frames;
        try {
            frames = new Analyzer<>(new ReferenceSources()).analyze(owner, method);
        } catch (AnalyzerException | RuntimeException e) {
            frames = null; // no origin is known: every call records without one
        }
        boolean[] confined = ConfinedReceivers.of(method.instructions, frames, calls, fresh);
        for (int i = 0; i < calls.size(); i++) {
            MethodInsnNode call = calls.get(i);
            String[] field = null;
            if (frames != null) {
                Frame<SourceValue> frame = frames[method.instructions.indexOf(call)];
                if (frame != null) {
                    int arguments = Type.getArgumentTypes(call.desc).length;
                    field = origin(method, frames, frame.getStack(frame.getStackSize() - arguments - 1), 0);
                }
            }
            receivers.add(new Receiver(field, confined[i]));
        }
        return new ReceiverFields(receivers);
    }

    /** The field a value was loaded from, following dup, checkcast and stores into locals; or null. */
    private static String[] origin(MethodNode method, Frame<SourceValue>[] frames, SourceValue value, int depth) {
        if (value == null || value.insns.size() != 1 || depth > MAX_DEPTH) {
            return null;
        }
        AbstractInsnNode insn = value.insns.iterator().next();
        int op = insn.getOpcode();
        if (insn instanceof FieldInsnNode f && (op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC)) {
            return new String[] {f.owner, f.name, f.desc, op == Opcodes.GETSTATIC ? "static" : null};
        }
        Frame<SourceValue> at = frames[method.instructions.indexOf(insn)];
        if (at == null) {
            return null;
        }
        if (op == Opcodes.DUP || op == Opcodes.CHECKCAST || op == Opcodes.ASTORE) {
            return origin(method, frames, at.getStack(at.getStackSize() - 1), depth + 1);
        }
        if (op == Opcodes.ALOAD) {
            SourceValue stored = at.getLocal(((VarInsnNode) insn).var);
            String[] found = null;
            for (AbstractInsnNode store : stored.insns) {
                String[] o = origin(method, frames, new SourceValue(1, store), depth + 1);
                if (o == null || (found != null && !java.util.Arrays.equals(found, o))) {
                    return null;
                }
                found = o;
            }
            return found;
        }
        return null;
    }

    /** The next observed call's receiver (no field, not confined, past the last). */
    Receiver next() {
        return next < receivers.size() ? receivers.get(next++) : new Receiver(null, false);
    }
}
