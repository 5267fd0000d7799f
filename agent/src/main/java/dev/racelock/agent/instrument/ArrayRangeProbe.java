package dev.racelock.agent.instrument;

import dev.racelock.agent.runtime.ArrayHooks;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * {@code System.arraycopy} and {@code Arrays.fill}: an arrayRangeRead of the source range and
 * an arrayRangeWrite of the target range, recorded after the call returned. Plain accesses
 * carry no sequence number, so recording after the copy changes no order; and a call that
 * throws (bad bounds, wrong types, null) touched nothing we could name, so it records nothing.
 */
final class ArrayRangeProbe implements CallSiteHooks.Probe {
    private static final String HOOKS = Type.getInternalName(ArrayHooks.class);
    private static final String ARRAYCOPY = "(Ljava/lang/Object;ILjava/lang/Object;II)V";

    @Override
    public boolean applies(int opcode, String owner, String name, String descriptor, boolean memory) {
        return memory && opcode == Opcodes.INVOKESTATIC
                && (isCopy(owner, name, descriptor) || isFill(owner, name, descriptor));
    }

    private static boolean isCopy(String owner, String name, String descriptor) {
        return owner.equals("java/lang/System") && name.equals("arraycopy") && descriptor.equals(ARRAYCOPY);
    }

    private static boolean isFill(String owner, String name, String descriptor) {
        if (!owner.equals("java/util/Arrays") || !name.equals("fill")) {
            return false;
        }
        Type[] args = Type.getArgumentTypes(descriptor);
        return (args.length == 2 || args.length == 4) && args[0].getSort() == Type.ARRAY;
    }

    @Override
    public boolean emit(MethodVisitor mv, CallSiteHooks.ProbeSite at, int opcode, String owner, String name,
                       String descriptor, boolean isInterface) {
        if (!applies(opcode, owner, name, descriptor, at.memory())) {
            return false;
        }
        boolean copy = isCopy(owner, name, descriptor);
        Type[] args = Type.getArgumentTypes(descriptor);
        SpilledArguments spilled = SpilledArguments.spill(mv, descriptor, at.freeLocal());
        spilled.reloadAll(mv);
        mv.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        String hook;
        String desc;
        String ctx = Emit.CONTEXT_DESC;
        if (copy) {
            for (int i = 0; i < 5; i++) {
                spilled.load(mv, i);
            }
            hook = "copied";
            desc = "(Ljava/lang/Object;ILjava/lang/Object;III" + ctx + ")V";
        } else if (args.length == 4) {
            for (int i = 0; i < 3; i++) {
                spilled.load(mv, i);
            }
            hook = "filled";
            desc = "(Ljava/lang/Object;III" + ctx + ")V";
        } else {
            spilled.load(mv, 0);
            hook = "filledAll";
            desc = "(Ljava/lang/Object;I" + ctx + ")V";
        }
        Emit.push(mv, at.site());
        mv.visitVarInsn(Opcodes.ALOAD, at.contextSlot());
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook, desc, false);
        return true;
    }
}
