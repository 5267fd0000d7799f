package dev.racelock.agent.instrument.juc;

import dev.racelock.agent.instrument.CallSiteHooks;
import dev.racelock.agent.instrument.Emit;
import dev.racelock.agent.instrument.SpilledArguments;
import dev.racelock.agent.runtime.juc.AtomicHooks;
import dev.racelock.agent.runtime.juc.VarHandleHooks;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.Map;
import java.util.Set;

import static dev.racelock.agent.runtime.juc.AccessModes.ACQUIRE;
import static dev.racelock.agent.runtime.juc.AccessModes.PLAIN_READ;
import static dev.racelock.agent.runtime.juc.AccessModes.PLAIN_WRITE;
import static dev.racelock.agent.runtime.juc.AccessModes.RELEASE;

/**
 * Atomics as synchronization (docs/juc.md): calls on {@code java.util.concurrent.atomic}
 * classes, field updaters and {@link java.lang.invoke.VarHandle}s stay where they are, with a
 * {@code volatileWrite} recorded before a releasing operation and a {@code volatileRead} after
 * an acquiring one; a read-modify-write does both (ThreadEventBuffer's sequence rule). One that
 * may fail (compareAndSet, weakCompareAndSet*, compareAndExchange*, attemptStamp/attemptMark)
 * releases only if it succeeded: its sequence number is reserved before the call, and after
 * it the hook learns the outcome (the boolean result, or the witness compared with the expected
 * value) and records the release with that number only on success, then the acquire (a failed
 * compareAndSet still read the location; docs/juc.md). The arguments are first stored into
 * scratch locals, so the hook can see the receiver, the updater's target object, the array
 * index or the VarHandle's coordinates; the call then runs on the reloaded arguments. Nothing
 * branches, so no stack map frame changes.
 *
 * <p>Which location: (atomic, 0) for scalar atomics and adders, (atomic array, index) for
 * atomic arrays, (target, field id) for field updaters and field VarHandles, (array, index) for
 * array-element VarHandles (resolved at run time by {@code AtomicHooks}/{@code VarHandleHooks}).
 * Plain VarHandle modes ({@code get}/{@code set}) on a known field or array element are plain
 * reads and writes; {@code getPlain}/{@code setPlain}/{@code weakCompareAndSetPlain} of atomics
 * are ignored (plain accesses to the JDK's own field).
 */
final class AtomicCallProbe implements CallSiteHooks.Probe {
    private static final String ATOMIC = "java/util/concurrent/atomic/";
    private static final String VAR_HANDLE = "java/lang/invoke/VarHandle";
    private static final String HOOKS = Type.getInternalName(AtomicHooks.class);
    private static final String VH_HOOKS = Type.getInternalName(VarHandleHooks.class);
    private static final String CONTEXT_DESC = Emit.CONTEXT_DESC;

    /** What the receiver is. */
    enum Kind { SCALAR, ARRAY, UPDATER, VAR_HANDLE }

    /**
     * With the {@code AccessModes} bits: the release happens only if the call succeeds
     * (compareAndSet, compareAndExchange, attempt*). Chooses the hooks emitted; no hook reads it.
     */
    static final int CONDITIONAL = 16;

    private static final Map<String, Kind> OWNERS = Map.ofEntries(
            Map.entry(ATOMIC + "AtomicInteger", Kind.SCALAR), Map.entry(ATOMIC + "AtomicLong", Kind.SCALAR),
            Map.entry(ATOMIC + "AtomicBoolean", Kind.SCALAR), Map.entry(ATOMIC + "AtomicReference", Kind.SCALAR),
            Map.entry(ATOMIC + "AtomicStampedReference", Kind.SCALAR),
            Map.entry(ATOMIC + "AtomicMarkableReference", Kind.SCALAR),
            Map.entry(ATOMIC + "LongAdder", Kind.SCALAR), Map.entry(ATOMIC + "DoubleAdder", Kind.SCALAR),
            Map.entry(ATOMIC + "LongAccumulator", Kind.SCALAR), Map.entry(ATOMIC + "DoubleAccumulator", Kind.SCALAR),
            Map.entry(ATOMIC + "AtomicIntegerArray", Kind.ARRAY), Map.entry(ATOMIC + "AtomicLongArray", Kind.ARRAY),
            Map.entry(ATOMIC + "AtomicReferenceArray", Kind.ARRAY),
            Map.entry(ATOMIC + "AtomicIntegerFieldUpdater", Kind.UPDATER),
            Map.entry(ATOMIC + "AtomicLongFieldUpdater", Kind.UPDATER),
            Map.entry(ATOMIC + "AtomicReferenceFieldUpdater", Kind.UPDATER),
            Map.entry(VAR_HANDLE, Kind.VAR_HANDLE));

    /** Adder and accumulator updates publish to a later sum/get; they acquire nothing themselves. */
    private static final Set<String> ADDER_UPDATES = Set.of("add", "increment", "decrement", "accumulate", "reset");
    private static final Set<String> READS = Set.of("get", "getAcquire", "getOpaque", "getVolatile", "intValue",
            "longValue", "floatValue", "doubleValue", "shortValue", "byteValue", "getReference", "isMarked",
            "getStamp", "sum", "toString");
    private static final Set<String> WRITES = Set.of("set", "lazySet", "setRelease", "setOpaque", "setVolatile");
    private static final Set<String> READ_MODIFY_WRITES = Set.of("incrementAndGet", "decrementAndGet", "addAndGet",
            "updateAndGet", "accumulateAndGet", "attemptMark", "attemptStamp", "sumThenReset", "getThenReset");

    /** The synchronization of {@code name} on a receiver of {@code kind} ({@code AccessModes}); 0 for none. */
    static int mode(Kind kind, String name) {
        if (name.endsWith("Plain")) {
            return 0;
        }
        if (kind == Kind.VAR_HANDLE && name.equals("get")) {
            return PLAIN_READ;
        }
        if (kind == Kind.VAR_HANDLE && name.equals("set")) {
            return PLAIN_WRITE;
        }
        if (ADDER_UPDATES.contains(name)) {
            return RELEASE;
        }
        if (READS.contains(name)) {
            return ACQUIRE;
        }
        if (WRITES.contains(name)) {
            return RELEASE;
        }
        boolean readModifyWrite = READ_MODIFY_WRITES.contains(name) || name.startsWith("getAnd")
                || name.startsWith("compareAnd") || name.startsWith("weakCompareAndSet");
        if (!readModifyWrite) {
            return 0;
        }
        if (name.endsWith("Acquire")) {
            return ACQUIRE; // its write half has plain (no release) semantics
        }
        int halves = name.endsWith("Release") ? RELEASE : RELEASE | ACQUIRE;
        return mayFail(name) ? halves | CONDITIONAL : halves;
    }

    /** A read-modify-write that writes nothing when the value is not the expected one. */
    private static boolean mayFail(String name) {
        return name.startsWith("compareAnd") || name.startsWith("weakCompareAndSet") || name.equals("attemptMark")
                || name.equals("attemptStamp");
    }

    /** VarHandle values an access mode takes after its coordinates. */
    private static int valueCount(String name) {
        if (name.startsWith("compareAnd") || name.startsWith("weakCompareAndSet")) {
            return 2;
        }
        return name.startsWith("set") || name.startsWith("getAnd") ? 1 : 0;
    }

    @Override
    public boolean applies(int opcode, String owner, String name, String descriptor, boolean memory) {
        if (!memory || opcode != Opcodes.INVOKEVIRTUAL) {
            return false;
        }
        Kind kind = OWNERS.get(owner);
        return kind != null && mode(kind, name) != 0 && applies(kind, Type.getArgumentTypes(descriptor));
    }

    @Override
    public boolean emit(MethodVisitor mv, CallSiteHooks.ProbeSite at, int opcode, String owner, String name,
                       String descriptor, boolean isInterface) {
        if (!applies(opcode, owner, name, descriptor, at.memory())) {
            return false;
        }
        Kind kind = OWNERS.get(owner);
        int mode = mode(kind, name);
        Outcome outcome = (mode & CONDITIONAL) != 0 ? Outcome.of(kind, name, descriptor) : Outcome.UNKNOWN;
        if (outcome == Outcome.UNKNOWN) {
            mode &= ~CONDITIONAL; // release before, as for any other write (may order too much, never too little)
        }
        SpilledArguments spilled = SpilledArguments.spill(mv, descriptor, at.freeLocal());
        int receiver = spilled.nextLocal;
        int reserved = receiver + 1;
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.ASTORE, receiver);
        if ((mode & CONDITIONAL) != 0) {
            mv.visitVarInsn(Opcodes.ALOAD, at.contextSlot());
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "reserve", "(" + CONTEXT_DESC + ")J", false);
            mv.visitVarInsn(Opcodes.LSTORE, reserved);
        } else if ((mode & (RELEASE | PLAIN_WRITE)) != 0) {
            probe(mv, at, kind, name, spilled, receiver, mode, Hook.BEFORE, reserved);
        }
        spilled.reloadAll(mv);
        if ((mode & CONDITIONAL) != 0) {
            String called = outcome == Outcome.DISCARDED_BOOLEAN
                    ? Type.getMethodDescriptor(Type.BOOLEAN_TYPE, spilled.types) : descriptor;
            mv.visitMethodInsn(opcode, owner, name, called, isInterface);
            outcome.pushSucceeded(mv, kind, spilled, Type.getReturnType(descriptor));
            probe(mv, at, kind, name, spilled, receiver, mode, Hook.OUTCOME, reserved);
        } else {
            mv.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            if ((mode & (ACQUIRE | PLAIN_READ)) != 0) {
                probe(mv, at, kind, name, spilled, receiver, mode, Hook.AFTER, reserved);
            }
        }
        return true;
    }

    /** Which hook a probe calls: before the call, after it, or after one that may have failed. */
    private enum Hook { BEFORE, AFTER, OUTCOME }

    /**
     * How the probe learns whether a call that may fail succeeded, as a boolean pushed on top of
     * the call's result. Nothing branches (no frames change): the comparison is a static call.
     */
    enum Outcome {
        /** It returns whether it succeeded (compareAndSet, weakCompareAndSet*, attempt*): a copy. */
        BOOLEAN,
        /** A VarHandle compareAndSet whose result the program drops: called returning it, consumed by the hook. */
        DISCARDED_BOOLEAN,
        /** compareAndExchange*: it succeeded if the witness it returns is the expected value. */
        WITNESS,
        /** The result is dropped or of another type than the expected value: the release is recorded before. */
        UNKNOWN;

        static Outcome of(Kind kind, String name, String descriptor) {
            Type result = Type.getReturnType(descriptor);
            if (!name.startsWith("compareAndExchange")) {
                if (result.getSort() == Type.BOOLEAN) {
                    return BOOLEAN;
                }
                return kind == Kind.VAR_HANDLE && result.getSort() == Type.VOID ? DISCARDED_BOOLEAN : UNKNOWN;
            }
            Type[] args = Type.getArgumentTypes(descriptor);
            int expected = expectedIndex(kind, args);
            return expected >= 0 && sameDescriptor(result, args[expected]) != null ? WITNESS : UNKNOWN;
        }

        void pushSucceeded(MethodVisitor mv, Kind kind, SpilledArguments spilled, Type result) {
            switch (this) {
                case BOOLEAN -> mv.visitInsn(Opcodes.DUP);
                case WITNESS -> {
                    mv.visitInsn(result.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP);
                    spilled.load(mv, expectedIndex(kind, spilled.types));
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "same",
                            sameDescriptor(result, spilled.types[expectedIndex(kind, spilled.types)]), false);
                }
                default -> { } // DISCARDED_BOOLEAN: the result itself
            }
        }

        /** compareAndExchange(expected, new) on a scalar, (index, expected, new) on an array, (coordinates..., expected, new) on a VarHandle. */
        private static int expectedIndex(Kind kind, Type[] args) {
            return switch (kind) {
                case SCALAR -> args.length == 2 ? 0 : -1;
                case ARRAY -> args.length == 3 ? 1 : -1;
                case VAR_HANDLE -> args.length - 2;
                default -> -1;
            };
        }

        /** The {@code AtomicHooks.same} overload comparing a witness of type {@code result} with {@code expected}, or null. */
        private static String sameDescriptor(Type result, Type expected) {
            int sort = result.getSort();
            if (sort != expected.getSort() && !(isReference(result) && isReference(expected))) {
                return null;
            }
            return switch (sort) {
                case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT -> "(II)Z";
                case Type.LONG -> "(JJ)Z";
                case Type.FLOAT -> "(FF)Z";
                case Type.DOUBLE -> "(DD)Z";
                case Type.OBJECT, Type.ARRAY -> "(Ljava/lang/Object;Ljava/lang/Object;)Z";
                default -> null;
            };
        }
    }

    /** Array operations take the index first; updater operations the target object first. */
    private static boolean applies(Kind kind, Type[] args) {
        return switch (kind) {
            case ARRAY -> args.length > 0 && args[0].getSort() == Type.INT;
            case UPDATER -> args.length > 0 && args[0].getSort() == Type.OBJECT;
            default -> true;
        };
    }

    /**
     * Calls a hook with the receiver, the location's coordinates and the site; an
     * {@link Hook#OUTCOME} hook also takes whether the call succeeded (already on the stack),
     * the reserved sequence number and, off VarHandles, whether the mode acquires.
     */
    private static void probe(MethodVisitor mv, CallSiteHooks.ProbeSite at, Kind kind, String name,
                              SpilledArguments spilled, int receiver, int mode, Hook hook, int reserved) {
        Type[] args = spilled.types;
        boolean outcome = hook == Hook.OUTCOME;
        mv.visitVarInsn(Opcodes.ALOAD, receiver);
        String hookOwner = HOOKS;
        StringBuilder desc = new StringBuilder(outcome ? "(ZLjava/lang/Object;" : "(Ljava/lang/Object;");
        switch (kind) {
            case SCALAR -> { }
            case ARRAY -> {
                spilled.load(mv, 0);
                desc.append('I');
            }
            case UPDATER -> {
                spilled.load(mv, 0);
                desc.append("Ljava/lang/Object;");
            }
            default -> { // VAR_HANDLE: coordinates (c0, c1) as far as they are an object and an int
                hookOwner = VH_HOOKS;
                int coordinates = args.length - valueCount(name);
                boolean objectFirst = coordinates >= 1 && isReference(args[0]);
                if (objectFirst) {
                    spilled.load(mv, 0);
                } else {
                    mv.visitInsn(Opcodes.ACONST_NULL);
                }
                if (coordinates >= 2 && args[1].getSort() == Type.INT) {
                    spilled.load(mv, 1);
                } else {
                    mv.visitInsn(Opcodes.ICONST_0);
                }
                Emit.push(mv, coordinates);
                Emit.push(mv, mode);
                desc.append("Ljava/lang/Object;III");
            }
        }
        if (outcome) {
            mv.visitVarInsn(Opcodes.LLOAD, reserved);
            desc.append('J');
            if (kind != Kind.VAR_HANDLE) {
                Emit.push(mv, (mode & ACQUIRE) != 0 ? 1 : 0);
                desc.append('Z');
            }
        }
        Emit.push(mv, at.site());
        mv.visitVarInsn(Opcodes.ALOAD, at.contextSlot());
        desc.append('I').append(CONTEXT_DESC).append(")V");
        String method = switch (kind) {
            case SCALAR -> hook == Hook.BEFORE ? "write" : outcome ? "compareAndSet" : "read";
            case ARRAY -> hook == Hook.BEFORE ? "elementWrite" : outcome ? "elementCompareAndSet" : "elementRead";
            case UPDATER -> hook == Hook.BEFORE ? "updaterWrite" : outcome ? "updaterCompareAndSet" : "updaterRead";
            default -> hook == Hook.BEFORE ? "before" : outcome ? "afterCompareAndSet" : "after";
        };
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, hookOwner, method, desc.toString(), false);
    }

    private static boolean isReference(Type type) {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
    }

}
