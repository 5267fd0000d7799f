package dev.racelock.agent.instrument.library;

import dev.racelock.agent.instrument.CallSiteHooks;
import dev.racelock.agent.instrument.ClassHierarchy;
import dev.racelock.agent.instrument.Emit;
import dev.racelock.agent.instrument.SpilledArguments;
import dev.racelock.agent.runtime.library.JdkMonitorHooks;
import dev.racelock.agent.runtime.library.JdkMonitors;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records, after a call of a JDK method that takes the receiver's monitor ({@link JdkMonitors}),
 * that the thread took that monitor (JdkMonitorHooks), in every mode: lock order is what
 * {@code mode=locks} is for. Which calls, from the instruction: the owner is one of the classes
 * of the table or a subclass (an application's {@code Observable}), and the JDK class's method of
 * that name and descriptor locks the receiver. {@code invokevirtual} goes through
 * {@link JdkMonitorHooks#called}, which skips receivers whose class overrides the method;
 * {@code invokespecial} ({@code super.deleteObserver(o)} in such an override) runs the JDK's
 * method itself and goes through {@link JdkMonitorHooks#calledExact}. A call naming a JDK
 * supertype of a class of the table ({@code List.add} on what may be a {@code Vector}) goes
 * through {@link JdkMonitorHooks#called} before the call (see {@link #throughSupertype}); in
 * mode=full the state model's observer, registered first, takes such calls and does both.
 */
final class JdkMonitorObserver implements CallSiteHooks.CallObserver {
    private static final String HOOKS = Type.getInternalName(JdkMonitorHooks.class);
    private static final String HOOK_DESC = "(Ljava/lang/Object;Ljava/lang/String;II" + Emit.CONTEXT_DESC + ")V";

    private static final String TABLE_CLASS_HOOK_DESC =
            "(Ljava/lang/Object;ILjava/lang/String;II" + Emit.CONTEXT_DESC + ")V";

    /** opcode owner.name descriptor to whether it locks the receiver. */
    private final Map<String, Boolean> locking = new ConcurrentHashMap<>();

    /**
     * The classes of the table a method can make with {@code new}, but {@code Observable}, whose
     * {@code notifyObservers} hands the instance to its observers: JDK classes whose constructors
     * and methods never hand it out (ConfinedReceivers).
     */
    private static final Set<String> KEPT_TO_THEMSELVES = JdkMonitors.CLASSES.stream()
            .filter(type -> !type.getName().equals("java.util.Observable"))
            .map(Type::getInternalName)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    @Override
    public boolean keepsInstancesToThemselves(String type) {
        return KEPT_TO_THEMSELVES.contains(type);
    }

    @Override
    public boolean observes(int opcode, String owner, String name, String descriptor, boolean memory,
                            ClassLoader loader, ClassHierarchy hierarchy) {
        if (opcode == Opcodes.INVOKESTATIC
                || (opcode == Opcodes.INVOKEINTERFACE && JdkMonitors.supertypeNamed(owner) == null)) {
            return false;
        }
        return locking.computeIfAbsent(opcode + owner + '.' + name + descriptor, k -> {
            if (throughSupertype(opcode, owner, name, descriptor)) {
                return true;
            }
            if (opcode == Opcodes.INVOKEINTERFACE) {
                return false;
            }
            for (Class<?> type : JdkMonitors.CLASSES) { // subclasses first: the first match is the most specific
                String internal = Type.getInternalName(type);
                if (owner.equals(internal)) {
                    return JdkMonitors.locksReceiver(type, name, descriptor);
                }
                if (opcode == Opcodes.INVOKEVIRTUAL && hierarchy.isSubclassOf(loader, owner, internal)) {
                    // an application subclass; whether its class overrides the method is checked at run time
                    return JdkMonitors.locksReceiver(type, name, descriptor);
                }
            }
            return false;
        });
    }

    /**
     * A call naming a JDK supertype of a class of the table ({@code List.add}, {@code Map.put},
     * {@code Collection.size} on what may be a {@code Vector} or a {@code Hashtable}) whose method
     * locks the receiver on some class of the table: the receiver's class decides at run time.
     */
    static boolean throughSupertype(int opcode, String owner, String name, String descriptor) {
        if (opcode != Opcodes.INVOKEINTERFACE && opcode != Opcodes.INVOKEVIRTUAL) {
            return false;
        }
        Class<?> supertype = JdkMonitors.supertypeNamed(owner);
        return supertype != null && JdkMonitors.mayLockThrough(supertype, name, descriptor);
    }

    @Override
    public int before(MethodVisitor mv, CallSiteHooks.ObservedCall at, int opcode, String owner, String name,
                      String descriptor) {
        if (throughSupertype(opcode, owner, name, descriptor)) {
            SpilledArguments spilled = SpilledArguments.spill(mv, descriptor, at.freeLocal());
            mv.visitInsn(Opcodes.DUP);
            pushHookArguments(mv, at, name, descriptor);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "called", HOOK_DESC, false);
            spilled.reloadAll(mv);
            return 0;
        }
        SpilledArguments spilled = SpilledArguments.spill(mv, descriptor, at.freeLocal());
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.ASTORE, spilled.nextLocal);
        spilled.reloadAll(mv);
        return spilled.nextLocal + 1 - at.freeLocal();
    }

    @Override
    public void after(MethodVisitor mv, CallSiteHooks.ObservedCall at, int opcode, String owner, String name,
                      String descriptor) {
        if (throughSupertype(opcode, owner, name, descriptor)) {
            return; // recorded before the call
        }
        int receiverSlot = at.freeLocal();
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            receiverSlot += argument.getSize();
        }
        mv.visitVarInsn(Opcodes.ALOAD, receiverSlot);
        int named = tableClassNamed(owner);
        if (opcode == Opcodes.INVOKEVIRTUAL && named >= 0) {
            // the instruction names a class of the table, whose method locks (observes): a receiver
            // of exactly that class is decided here, the hook looks up only a subclass's
            Emit.push(mv, named);
            pushHookArguments(mv, at, name, descriptor);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "calledOnTableClass", TABLE_CLASS_HOOK_DESC, false);
            return;
        }
        pushHookArguments(mv, at, name, descriptor);
        String hook = opcode == Opcodes.INVOKESPECIAL ? "calledExact" : "called";
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook, HOOK_DESC, false);
    }

    /** The index in {@link JdkMonitors#CLASSES} of the class {@code owner} (an internal name) names, or -1. */
    private static int tableClassNamed(String owner) {
        for (int i = 0; i < JdkMonitors.CLASSES.size(); i++) {
            if (Type.getInternalName(JdkMonitors.CLASSES.get(i)).equals(owner)) {
                return i;
            }
        }
        return -1;
    }

    /** After the receiver: the method, the site, the receiver's field and the context ({@link #HOOK_DESC}). */
    static void pushHookArguments(MethodVisitor mv, CallSiteHooks.ObservedCall at, String name, String descriptor) {
        mv.visitLdcInsn(name + descriptor);
        Emit.push(mv, at.calledSite());
        Emit.push(mv, at.receiverField());
        mv.visitVarInsn(Opcodes.ALOAD, at.contextSlot());
    }
}
