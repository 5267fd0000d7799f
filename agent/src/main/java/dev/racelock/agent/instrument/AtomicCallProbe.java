package dev.racelock.agent.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.Map;
import java.util.Set;

/**
 * Atomics as synchronization (DESIGN.md, "memory"): calls on {@code java.util.concurrent.atomic}
 * classes, field updaters and {@link java.lang.invoke.VarHandle}s stay where they are, with a
 * {@code volatileWrite} recorded before a releasing operation and a {@code volatileRead} after
 * an acquiring one; a read-modify-write does both (ThreadEventBuffer's sequence rule). The
 * arguments are first stored into scratch locals, so the hook can see the receiver, the
 * updater's target object, the array index or the VarHandle's coordinates; the call then runs
 * on the reloaded arguments. Nothing branches, so no stack map frame changes.
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
    private static final String HOOKS = "dev/racelock/agent/runtime/AtomicHooks";
    private static final String VH_HOOKS = "dev/racelock/agent/runtime/VarHandleHooks";
    private static final String CONTEXT_DESC = MethodInstrumenter.CONTEXT_DESC;

    /** What the receiver is. */
    enum Kind { SCALAR, ARRAY, UPDATER, VAR_HANDLE }

    /** How an operation synchronizes; bit 1 release before, bit 2 acquire after, plain bits for VarHandle get/set. */
    static final int RELEASE = 1;
    static final int ACQUIRE = 2;
    static final int PLAIN_READ = 4;
    static final int PLAIN_WRITE = 8;

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

    /** The synchronization of {@code name} on a receiver of {@code kind}; 0 for none. */
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
        if (name.endsWith("Release")) {
            return RELEASE;
        }
        return RELEASE | ACQUIRE;
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
        Type[] args = Type.getArgumentTypes(descriptor);
        SpilledArguments spilled = SpilledArguments.spill(mv, descriptor, at.freeLocal());
        int receiver = spilled.nextLocal;
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.ASTORE, receiver);
        if ((mode & (RELEASE | PLAIN_WRITE)) != 0) {
            probe(mv, at, kind, name, spilled, receiver, mode, true);
        }
        spilled.reloadAll(mv);
        mv.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        if ((mode & (ACQUIRE | PLAIN_READ)) != 0) {
            probe(mv, at, kind, name, spilled, receiver, mode, false);
        }
        return true;
    }

    /** Array operations take the index first; updater operations the target object first. */
    private static boolean applies(Kind kind, Type[] args) {
        return switch (kind) {
            case ARRAY -> args.length > 0 && args[0].getSort() == Type.INT;
            case UPDATER -> args.length > 0 && args[0].getSort() == Type.OBJECT;
            default -> true;
        };
    }

    private static void probe(MethodVisitor mv, CallSiteHooks.ProbeSite at, Kind kind, String name,
                              SpilledArguments spilled, int receiver, int mode, boolean before) {
        Type[] args = spilled.types;
        mv.visitVarInsn(Opcodes.ALOAD, receiver);
        String hookOwner = HOOKS;
        String desc;
        switch (kind) {
            case SCALAR -> desc = "(Ljava/lang/Object;I" + CONTEXT_DESC + ")V";
            case ARRAY -> {
                spilled.load(mv, 0);
                desc = "(Ljava/lang/Object;II" + CONTEXT_DESC + ")V";
            }
            case UPDATER -> {
                spilled.load(mv, 0);
                desc = "(Ljava/lang/Object;Ljava/lang/Object;I" + CONTEXT_DESC + ")V";
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
                push(mv, coordinates);
                push(mv, mode);
                desc = "(Ljava/lang/Object;Ljava/lang/Object;III" + "I" + CONTEXT_DESC + ")V";
            }
        }
        push(mv, at.site());
        mv.visitVarInsn(Opcodes.ALOAD, at.contextSlot());
        String hook = switch (kind) {
            case SCALAR -> before ? "write" : "read";
            case ARRAY -> before ? "elementWrite" : "elementRead";
            case UPDATER -> before ? "updaterWrite" : "updaterRead";
            default -> before ? "before" : "after";
        };
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, hookOwner, hook, desc, false);
    }

    private static boolean isReference(Type type) {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
    }

    static void push(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }
}
