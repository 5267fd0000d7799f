package dev.racelock.agent.instrument.juc;

import dev.racelock.agent.instrument.CallSiteHooks;
import dev.racelock.agent.instrument.Emit;
import dev.racelock.agent.instrument.SpilledArguments;
import dev.racelock.agent.runtime.juc.VarHandleHooks;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.Map;

/**
 * Learns which field an atomic field updater or a VarHandle stands for, where recorded code
 * creates it: the creating call stays in place (newUpdater is caller-sensitive: it must still be
 * called from the application's class) and its result, with the class and field name it was
 * given, goes to a hook that binds the handle to the field's id (see AtomicCallProbe).
 */
final class HandleCreationProbe implements CallSiteHooks.Probe {
    private static final String ATOMIC = "java/util/concurrent/atomic/";
    private static final String LOOKUP = "java/lang/invoke/MethodHandles$Lookup";
    private static final String HOOKS = Type.getInternalName(VarHandleHooks.class);

    /** owner.name -> {hook, argument indexes passed after the result}. */
    private static final Map<String, Object[]> CREATORS = Map.of(
            ATOMIC + "AtomicIntegerFieldUpdater.newUpdater", new Object[] {"fieldHandle", new int[] {0, 1}},
            ATOMIC + "AtomicLongFieldUpdater.newUpdater", new Object[] {"fieldHandle", new int[] {0, 1}},
            ATOMIC + "AtomicReferenceFieldUpdater.newUpdater", new Object[] {"fieldHandle", new int[] {0, 2}},
            LOOKUP + ".findVarHandle", new Object[] {"fieldHandle", new int[] {0, 1}},
            LOOKUP + ".findStaticVarHandle", new Object[] {"staticFieldHandle", new int[] {0, 1}},
            LOOKUP + ".unreflectVarHandle", new Object[] {"reflectedHandle", new int[] {0}},
            "java/lang/invoke/MethodHandles.arrayElementVarHandle", new Object[] {"arrayHandle", new int[] {}});

    @Override
    public boolean applies(int opcode, String owner, String name, String descriptor, boolean memory) {
        return CREATORS.containsKey(owner + "." + name);
    }

    @Override
    public boolean emit(MethodVisitor mv, CallSiteHooks.ProbeSite at, int opcode, String owner, String name,
                       String descriptor, boolean isInterface) {
        Object[] creator = CREATORS.get(owner + "." + name);
        if (creator == null) {
            return false;
        }
        Type[] args = Type.getArgumentTypes(descriptor);
        int[] passed = (int[]) creator[1];
        SpilledArguments spilled = SpilledArguments.spill(mv, descriptor, at.freeLocal());
        spilled.reloadAll(mv);
        mv.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        mv.visitInsn(Opcodes.DUP);
        StringBuilder hookDesc = new StringBuilder("(Ljava/lang/Object;");
        for (int index : passed) {
            spilled.load(mv, index);
            hookDesc.append(args[index].getDescriptor());
        }
        hookDesc.append('I').append(Emit.CONTEXT_DESC).append(")V");
        Emit.push(mv, at.site());
        mv.visitVarInsn(Opcodes.ALOAD, at.contextSlot());
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, (String) creator[0], hookDesc.toString(), false);
        return true;
    }
}
