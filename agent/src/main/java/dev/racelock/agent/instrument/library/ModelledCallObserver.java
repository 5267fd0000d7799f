package dev.racelock.agent.instrument.library;

import dev.racelock.agent.instrument.CallSiteHooks;
import dev.racelock.agent.instrument.ClassHierarchy;
import dev.racelock.agent.instrument.Emit;
import dev.racelock.agent.instrument.SpilledArguments;
import dev.racelock.agent.runtime.library.LibraryHooks;
import dev.racelock.agent.runtime.library.LibraryModel;
import dev.racelock.agent.runtime.library.LibraryModel.Effect;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records a call of a modelled method ({@link LibraryModel}) as an access to the receiver's
 * abstract state, before the call (LibraryHooks); a method returning a view or an iterator
 * binds it, after the call, to the receiver's state. The call itself is left to whatever emits
 * it (the concurrent-collection hooks see a {@code Map.put} too).
 *
 * <p>Which calls, decided here from the instruction (never by loading a class): one naming a
 * modelled class, or a JDK subclass of one ({@code DecimalFormat}), with a method of the table
 * (the receiver is then checked to be the JDK's own class, not an application subclass that
 * may override the method under a lock); {@code invokespecial} of such a method
 * ({@code super.put} in a subclass: that is the JDK's code running on the instance); and a call
 * through a type the table has rows for ({@code Map}, {@code Collection}, {@code Iterator},
 * {@code CharSequence} ...), where the receiver's class decides at run time (a
 * {@link ClassValue} test).
 */
final class ModelledCallObserver implements CallSiteHooks.CallObserver {
    private static final String HOOKS = Type.getInternalName(LibraryHooks.class);
    private static final String HOOK_DESC = "(Ljava/lang/Object;II" + Emit.CONTEXT_DESC + ")V";
    private static final String HOLD_DESC = "(Ljava/lang/Object;Ljava/lang/String;II" + Emit.CONTEXT_DESC + ")V";
    private static final String BIND_DESC = "(Ljava/lang/Object;Ljava/lang/Object;" + Emit.CONTEXT_DESC + ")V";

    /**
     * Modelled classes, row types, and every supertype of a modelled class a call may name
     * ({@code Set}, {@code AbstractMap} ...), by internal name.
     */
    private static final Map<String, Class<?>> TYPES = new HashMap<>();

    static {
        LibraryModel.CLASSES.forEach(ModelledCallObserver::addWithSupertypes);
        LibraryModel.ROWS.forEach(r -> TYPES.put(Type.getInternalName(r.type()), r.type()));
        TYPES.remove("java/lang/Object");
    }

    /**
     * The modelled classes a method can make with {@code new} ({@code DecimalFormat} for
     * {@code NumberFormat}): JDK classes whose constructors and methods never hand the instance
     * out (ConfinedReceivers).
     */
    private static final Set<String> KEPT_TO_THEMSELVES = keptToThemselves();

    private static Set<String> keptToThemselves() {
        Set<String> names = new HashSet<>();
        for (Class<?> type : LibraryModel.CLASSES) {
            names.add(Type.getInternalName(type));
        }
        names.add("java/text/DecimalFormat");
        return Set.copyOf(names);
    }

    @Override
    public boolean keepsInstancesToThemselves(String type) {
        return KEPT_TO_THEMSELVES.contains(type);
    }

    private static void addWithSupertypes(Class<?> type) {
        if (type != null && TYPES.putIfAbsent(Type.getInternalName(type), type) == null) {
            addWithSupertypes(type.getSuperclass());
            for (Class<?> i : type.getInterfaces()) {
                addWithSupertypes(i);
            }
        }
    }

    /** (opcode, owner, name) to its effect; empty when not observed. */
    private final Map<String, Optional<Effect>> effects = new ConcurrentHashMap<>();

    @Override
    public boolean observes(int opcode, String owner, String name, String descriptor, boolean memory,
                            ClassLoader loader, ClassHierarchy hierarchy) {
        return memory && effect(opcode, owner, name, loader, hierarchy) != null;
    }

    private Effect effect(int opcode, String owner, String name, ClassLoader loader, ClassHierarchy hierarchy) {
        if (!owner.startsWith("java/")) {
            return null; // an application subclass may override the method under a lock
        }
        String key = opcode + owner + '.' + name;
        Optional<Effect> known = effects.get(key);
        if (known == null) {
            known = Optional.ofNullable(resolve(opcode, owner, name, loader, hierarchy));
            effects.put(key, known);
        }
        return known.orElse(null);
    }

    private static Effect resolve(int opcode, String owner, String name, ClassLoader loader,
                                  ClassHierarchy hierarchy) {
        Class<?> type = TYPES.get(owner);
        if (type == null) {
            for (Class<?> modelled : LibraryModel.CLASSES) {
                if (hierarchy.isSubclassOf(loader, owner, Type.getInternalName(modelled))) {
                    type = modelled;
                    break;
                }
            }
        }
        if (type == null || (opcode == Opcodes.INVOKESPECIAL && LibraryModel.modelOf(type) < 0)) {
            return null;
        }
        return LibraryModel.effect(type, name);
    }

    @Override
    public int before(MethodVisitor mv, CallSiteHooks.ObservedCall at, int opcode, String owner, String name,
                      String descriptor) {
        Effect effect = effects.get(opcode + owner + '.' + name).orElseThrow();
        SpilledArguments spilled = SpilledArguments.spill(mv, descriptor, at.freeLocal());
        int receiverSlot = spilled.nextLocal;
        mv.visitInsn(Opcodes.DUP);
        boolean view = binds(effect, descriptor);
        if (view) {
            mv.visitInsn(Opcodes.DUP);
            mv.visitVarInsn(Opcodes.ASTORE, receiverSlot);
        }
        if (JdkMonitorObserver.throughSupertype(opcode, owner, name, descriptor)) {
            // List.add may be Vector.add: the hook also records the monitor hold JdkMonitorObserver would
            JdkMonitorObserver.pushHookArguments(mv, at, name, descriptor);
            String hook = effect == Effect.WRITE ? "writeOrHold" : "readOrHold";
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook, HOLD_DESC, false);
        } else {
            Emit.push(mv, at.calledSite());
            Emit.push(mv, at.receiverField());
            mv.visitVarInsn(Opcodes.ALOAD, at.contextSlot());
            boolean exact = opcode == Opcodes.INVOKESPECIAL;
            String hook = effect == Effect.WRITE ? (exact ? "writeExact" : "write") : (exact ? "readExact" : "read");
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook, HOOK_DESC, false);
        }
        spilled.reloadAll(mv);
        return view ? receiverSlot + 1 - at.freeLocal() : 0;
    }

    @Override
    public void after(MethodVisitor mv, CallSiteHooks.ObservedCall at, int opcode, String owner, String name,
                      String descriptor) {
        Effect effect = effects.get(opcode + owner + '.' + name).orElseThrow();
        if (!binds(effect, descriptor)) {
            return;
        }
        int receiverSlot = at.freeLocal();
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            receiverSlot += argument.getSize();
        }
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.ALOAD, receiverSlot);
        mv.visitVarInsn(Opcodes.ALOAD, at.contextSlot());
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "bindView", BIND_DESC, false);
    }

    private static boolean binds(Effect effect, String descriptor) {
        return effect == Effect.VIEW && Type.getReturnType(descriptor).getSort() == Type.OBJECT;
    }
}
