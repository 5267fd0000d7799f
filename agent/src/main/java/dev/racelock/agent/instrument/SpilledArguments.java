package dev.racelock.agent.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A call's arguments moved from the operand stack into scratch locals (last argument first), so
 * that a probe can pass some of them to a hook and then reload all of them for the call itself.
 * The locals are dead after the call; nothing branches in between, so no frame mentions them.
 */
public final class SpilledArguments {
    public final Type[] types;
    private final int[] slots;
    /** The first local after the spilled arguments. */
    public final int nextLocal;

    private SpilledArguments(Type[] types, int[] slots, int nextLocal) {
        this.types = types;
        this.slots = slots;
        this.nextLocal = nextLocal;
    }

    public static SpilledArguments spill(MethodVisitor mv, String descriptor, int freeLocal) {
        Type[] types = Type.getArgumentTypes(descriptor);
        int[] slots = new int[types.length];
        int next = freeLocal;
        for (int i = 0; i < types.length; i++) {
            slots[i] = next;
            next += types[i].getSize();
        }
        for (int i = types.length - 1; i >= 0; i--) {
            mv.visitVarInsn(types[i].getOpcode(Opcodes.ISTORE), slots[i]);
        }
        return new SpilledArguments(types, slots, next);
    }

    public void load(MethodVisitor mv, int index) {
        mv.visitVarInsn(types[index].getOpcode(Opcodes.ILOAD), slots[index]);
    }

    public void reloadAll(MethodVisitor mv) {
        for (int i = 0; i < types.length; i++) {
            load(mv, i);
        }
    }
}
