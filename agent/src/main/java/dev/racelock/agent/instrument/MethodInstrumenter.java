package dev.racelock.agent.instrument;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites one method: field, array and monitor instructions, call-site hooks, method
 * entry/exit, synchronized-method lock events and Thread.run begin/end.
 *
 * <p>Frames: the class is read with {@code EXPAND_FRAMES} and written with {@code COMPUTE_MAXS}
 * only, so no frame is computed and no class is ever loaded or resolved (a common pitfall of
 * {@code COMPUTE_FRAMES}). New locals go after the method's own ({@code maxLocals}): the
 * context, the lock of a synchronized method, and scratch slots used only between two
 * instructions we insert. Every original frame is extended with the context (and lock), which
 * are set before any original instruction and never change; the inserted code adds no branch.
 * The one new frame is the catch-all handler's: only the context and lock are live there.
 */
final class MethodInstrumenter extends MethodVisitor {
    private static final String RT = Emit.RT;
    private static final String CONTEXT = Emit.CONTEXT;
    private static final String CONTEXT_DESC = Emit.CONTEXT_DESC;

    private final MethodScope scope;
    private final String owner;
    private final int access;
    private final boolean isConstructor;
    private final boolean isClassInit;
    private final CallSiteHooks.BodyHook bodyHook;
    private final int methodId;
    private final int maxLocals;
    private final int contextSlot;
    private final int lockSlot;
    private final int scratch;      // one slot: int, float or reference
    private final int wideScratch;  // two slots: long or double
    private final boolean isSynchronized;
    private final boolean needsHandler;
    /** With stacks on, the method calls nothing: each recorded access pushes and pops its frame. */
    private final boolean framesItsAccesses;
    /** With stacks on, an entry and an exit of the method's own (Rt.enter, Rt.exit). */
    private final boolean entersAndExits;
    private final Map<Integer, Integer> sites = new HashMap<>();

    private int line = -1;
    /**
     * The field loaded by the last getfield/getstatic while only dup/astore follow it: if a
     * monitorenter comes next, the lock's field (its lock class). Resolved only then.
     */
    private String[] loadedField;
    private boolean bodyStarted;
    private int pendingNews;
    private final Label tryStart = new Label();
    private boolean tryOpen;
    /** The starts of the method's own exception handlers that may go on (with stacks on): each begins with Rt.caught. */
    private final Set<Label> resumingHandlers;
    /** At a handler's start, waiting for its frame: Rt.caught goes after it (a frame precedes no inserted code). */
    private boolean atHandler;

    private final boolean threadRun;
    /** Where each observed call's receiver came from, in call order. */
    private final ReceiverFields receiverFields;
    /** Sites of calls of modelled methods: per (line, called method). */
    private final Map<Long, Integer> calledSites = new HashMap<>();

    /**
     * @param bodyHook  calls around the body of a method the JDK runs as a task, or null
     * @param firstLine the method's first source line: the site of its entry (synchronized methods)
     * @param resumingHandlers the handlers that begin with Rt.caught ({@link ResumingHandlers}; none without stacks)
     * @param framesItsAccesses with stacks on, the method calls nothing: no entry or exit of its own,
     *                          each recorded access pushes and pops its frame (Rt.framedRead...)
     */
    MethodInstrumenter(MethodScope scope, MethodVisitor next, int access, String name, int methodId, int maxLocals,
                       boolean threadRun, CallSiteHooks.BodyHook bodyHook, int firstLine, ReceiverFields receiverFields,
                       Set<Label> resumingHandlers, boolean framesItsAccesses) {
        super(Opcodes.ASM9, next);
        this.framesItsAccesses = framesItsAccesses;
        this.entersAndExits = scope.options.stacks() && !framesItsAccesses;
        this.resumingHandlers = resumingHandlers;
        this.receiverFields = receiverFields;
        this.scope = scope;
        this.owner = scope.className;
        this.access = access;
        this.isConstructor = name.equals("<init>");
        this.isClassInit = name.equals("<clinit>");
        this.methodId = methodId;
        this.maxLocals = maxLocals;
        this.contextSlot = maxLocals;
        this.lockSlot = maxLocals + 1;
        this.scratch = maxLocals + 2;
        this.wideScratch = maxLocals + 3;
        this.isSynchronized = (access & Opcodes.ACC_SYNCHRONIZED) != 0;
        this.threadRun = threadRun;
        this.bodyHook = bodyHook;
        this.line = firstLine;
        this.needsHandler = entersAndExits || isSynchronized || threadRun;
    }

    private boolean isThreadRun() {
        return threadRun;
    }

    // ---- entry ----------------------------------------------------------------------------------

    @Override
    public void visitCode() {
        super.visitCode();
        if (isThreadRun()) {
            // before the entry, which records the call site it may set (the thread's entry)
            super.visitMethodInsn(Opcodes.INVOKESTATIC, RT, "runOverrideBegin", "()V", false);
        }
        if (entersAndExits) {
            push(methodId);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, RT, "enter", "(I)" + CONTEXT_DESC, false);
        } else if (framesItsAccesses) {
            // no lookup at entry: each hook looks the context up (contextCall), a getter makes one call;
            // the local still holds a ThreadContext-typed value for the frames that name it
            super.visitInsn(Opcodes.ACONST_NULL);
        } else {
            Emit.lookUpContext(mv);
        }
        super.visitVarInsn(Opcodes.ASTORE, contextSlot);
        if (!isConstructor) {
            startBody();
        }
    }

    private void bodyHookCall(String hook) {
        super.visitVarInsn(Opcodes.ALOAD, 0);
        push(site());
        super.visitVarInsn(Opcodes.ALOAD, contextSlot);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, bodyHook.hookOwner(), hook, bodyHook.hookDescriptor(), false);
    }

    /** After super()/this() in a constructor, at entry elsewhere: `this` is usable from here on. */
    private void startBody() {
        bodyStarted = true;
        if (bodyHook != null) {
            bodyHookCall(bodyHook.atStart());
        }
        if (isSynchronized) {
            if ((access & Opcodes.ACC_STATIC) != 0) {
                scope.classLiteral.push(mv);
            } else {
                super.visitVarInsn(Opcodes.ALOAD, 0);
            }
            super.visitVarInsn(Opcodes.ASTORE, lockSlot);
            monitorCall("synchronizedMethodEntered", lockSlot, site());
        }
        if (needsHandler) {
            super.visitLabel(tryStart);
            tryOpen = true;
        }
    }

    /** Before every return and in the catch-all handler: release, exit, thread end, in that order. */
    private void exitActions() {
        if (isSynchronized) {
            monitorCall("monitorRelease", lockSlot, site());
        }
        if (entersAndExits) {
            super.visitVarInsn(Opcodes.ALOAD, contextSlot);
            push(methodId);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, RT, "exit", "(" + CONTEXT_DESC + "I)V", false);
        }
        if (isThreadRun()) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, RT, "runEnd", "()V", false);
        }
    }

    private void monitorCall(String hook, int lockLocal, int site) {
        super.visitVarInsn(Opcodes.ALOAD, lockLocal);
        push(site);
        super.visitVarInsn(Opcodes.ALOAD, contextSlot);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, RT, hook, "(Ljava/lang/Object;I" + CONTEXT_DESC + ")V", false);
    }

    // ---- exits and the catch-all handler --------------------------------------------------------

    @Override
    public void visitMaxs(int maxStack, int maxLocalsIgnored) {
        if (tryOpen) {
            Label tryEnd = new Label();
            Label handler = new Label();
            super.visitLabel(tryEnd);
            super.visitTryCatchBlock(tryStart, tryEnd, handler, null);
            super.visitLabel(handler);
            if (scope.hasFrames) {
                Object[] locals = new Object[maxLocals + (isSynchronized ? 2 : 1)];
                for (int i = 0; i < maxLocals; i++) {
                    locals[i] = Opcodes.TOP;
                }
                locals[maxLocals] = CONTEXT;
                if (isSynchronized) {
                    locals[maxLocals + 1] = "java/lang/Object";
                }
                super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            }
            exitActions();
            super.visitInsn(Opcodes.ATHROW);
        }
        super.visitMaxs(maxStack, maxLocalsIgnored);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        // EXPAND_FRAMES: always F_NEW. Pad to maxLocals, then add the context (and lock).
        int slots = 0;
        for (int i = 0; i < numLocal; i++) {
            slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
        }
        int extra = maxLocals - slots + (isSynchronized ? 2 : 1);
        Object[] locals = new Object[numLocal + extra];
        System.arraycopy(local, 0, locals, 0, numLocal);
        int i = numLocal;
        for (; slots < maxLocals; slots++) {
            locals[i++] = Opcodes.TOP;
        }
        locals[i++] = CONTEXT;
        if (isSynchronized) {
            locals[i] = "java/lang/Object";
        }
        super.visitFrame(type, locals.length, locals, numStack, stack);
        if (atHandler) {
            atHandler = false;
            caught();
        }
    }

    /**
     * A handler of the method caught an exception: frames it left above this method without an
     * exit go (Rt.caught). The exception stays on the stack under the two arguments; no local and
     * no branch is added, so the handler's frame holds as it is.
     */
    private void caught() {
        super.visitVarInsn(Opcodes.ALOAD, contextSlot);
        push(methodId);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, RT, "caught", "(" + CONTEXT_DESC + "I)V", false);
    }

    // ---- instructions ---------------------------------------------------------------------------

    @Override
    public void visitLineNumber(int line, Label start) {
        this.line = line;
        super.visitLineNumber(line, start);
    }

    private int site() {
        return sites.computeIfAbsent(line, l -> scope.dictionary.site(methodId, l));
    }

    @Override
    public void visitInsn(int opcode) {
        String[] lockField = loadedField;
        if (opcode != Opcodes.DUP) {
            loadedField = null;
        }
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            if (bodyHook != null) {
                bodyHookCall(bodyHook.beforeReturn());
            }
            if (isClassInit && scope.options.memory() && scope.classLiteral.ldcAllowed()) {
                ClassInitProbe.initialized(mv, owner, site(), contextSlot);
            }
            exitActions();
        } else if (opcode >= Opcodes.IALOAD && opcode <= Opcodes.SALOAD && scope.options.memory()) {
            super.visitInsn(Opcodes.DUP2);
            recordWithStack("arrayRead", "Ljava/lang/Object;I");
        } else if (opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE && scope.options.memory()) {
            Type value = arrayElementType(opcode);
            int slot = value.getSize() == 2 ? wideScratch : scratch;
            super.visitVarInsn(value.getOpcode(Opcodes.ISTORE), slot);
            super.visitInsn(Opcodes.DUP2);
            recordWithStack("arrayWrite", "Ljava/lang/Object;I");
            super.visitVarInsn(value.getOpcode(Opcodes.ILOAD), slot);
        } else if (opcode == Opcodes.MONITORENTER) {
            int site = site();
            super.visitInsn(Opcodes.DUP);
            super.visitVarInsn(Opcodes.ASTORE, scratch);
            super.visitInsn(Opcodes.DUP);
            push(site);
            push(lockField == null ? -1
                    : scope.resolveField(lockField[0], lockField[1], lockField[2], lockField[3] != null).id());
            contextCall("monitorRequest", "(Ljava/lang/Object;II" + CONTEXT_DESC + ")V");
            super.visitInsn(opcode);
            monitorCall("monitorAcquire", scratch, site);
            return;
        } else if (opcode == Opcodes.MONITOREXIT) {
            super.visitInsn(Opcodes.DUP);
            recordAt("monitorRelease", "(Ljava/lang/Object;I" + CONTEXT_DESC + ")V");
        }
        super.visitInsn(opcode);
    }

    private static Type arrayElementType(int storeOpcode) {
        switch (storeOpcode) {
            case Opcodes.LASTORE: return Type.LONG_TYPE;
            case Opcodes.FASTORE: return Type.FLOAT_TYPE;
            case Opcodes.DASTORE: return Type.DOUBLE_TYPE;
            case Opcodes.AASTORE: return Type.getObjectType("java/lang/Object");
            default: return Type.INT_TYPE; // IASTORE, BASTORE, CASTORE, SASTORE
        }
    }

    @Override
    public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
        boolean instance = opcode == Opcodes.GETFIELD || opcode == Opcodes.PUTFIELD;
        if (!instance && scope.options.memory() && scope.classLiteral.ldcAllowed() && !(isClassInit && fieldOwner.equals(owner))
                && scope.initializationChecked(fieldOwner, name)) {
            ClassInitProbe.use(mv, fieldOwner, site(), framesItsAccesses ? -1 : contextSlot);
        }
        boolean load = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
        boolean typedReference = descriptor.charAt(0) == 'L';
        loadedField = null;
        if (!scope.options.memory() || (instance && !bodyStarted)) {
            // before super() the object on the stack may be the uninitialized `this`
            super.visitFieldInsn(opcode, fieldOwner, name, descriptor);
            rememberLoad(load && typedReference, fieldOwner, name, descriptor, instance);
            return;
        }
        ResolvedField field = scope.resolveField(fieldOwner, name, descriptor, !instance);
        if (field.isFinal()) {
            super.visitFieldInsn(opcode, fieldOwner, name, descriptor);
            rememberLoad(load && typedReference, fieldOwner, name, descriptor, instance);
            return;
        }
        Type type = Type.getType(descriptor);
        switch (opcode) {
            case Opcodes.GETSTATIC -> {
                if (field.isVolatile()) {
                    super.visitFieldInsn(opcode, fieldOwner, name, descriptor);
                    staticRecord("staticVolatileRead", field.id());
                    return;
                }
                push(field.id());
                recordWithStack("staticRead", "I");
            }
            case Opcodes.PUTSTATIC -> {
                if (field.isVolatile()) {
                    staticRecord("staticVolatileWrite", field.id());
                } else {
                    push(field.id());
                    recordWithStack("staticWrite", "I");
                }
            }
            case Opcodes.GETFIELD -> {
                super.visitInsn(Opcodes.DUP);
                if (field.isVolatile()) {
                    super.visitFieldInsn(opcode, fieldOwner, name, descriptor);
                    if (type.getSize() == 2) {
                        super.visitInsn(Opcodes.DUP2_X1);
                        super.visitInsn(Opcodes.POP2);
                    } else {
                        super.visitInsn(Opcodes.SWAP);
                    }
                    push(field.id());
                    recordAt("volatileRead", "(Ljava/lang/Object;II" + CONTEXT_DESC + ")V");
                    return;
                }
                push(field.id());
                recordWithStack("read", "Ljava/lang/Object;I");
            }
            default -> { // PUTFIELD
                int slot = type.getSize() == 2 ? wideScratch : scratch;
                super.visitVarInsn(type.getOpcode(Opcodes.ISTORE), slot);
                super.visitInsn(Opcodes.DUP);
                push(field.id());
                if (field.isVolatile()) {
                    recordAt("volatileWrite", "(Ljava/lang/Object;II" + CONTEXT_DESC + ")V");
                } else {
                    recordWithStack("write", "Ljava/lang/Object;I");
                }
                super.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
            }
        }
        super.visitFieldInsn(opcode, fieldOwner, name, descriptor);
        rememberLoad(load && typedReference, fieldOwner, name, descriptor, instance);
    }

    private void rememberLoad(boolean referenceLoad, String owner, String name, String descriptor, boolean instance) {
        loadedField = referenceLoad ? new String[] {owner, name, descriptor, instance ? null : "static"} : null;
    }

    private void staticRecord(String hook, int fieldId) {
        push(fieldId);
        recordAt(hook, "(II" + CONTEXT_DESC + ")V");
    }

    /**
     * Pushes the current site and the context, then calls the hook of an access recorded with its
     * stack; in a method that frames its accesses, the hook's framed variant, which takes the
     * method instead of the context and looks that up itself (Rt.framedRead...).
     *
     * @param leadingArguments the descriptors of the hook's arguments before the site
     */
    private void recordWithStack(String hook, String leadingArguments) {
        push(site());
        if (framesItsAccesses) {
            push(methodId);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, RT, "framed" + Character.toUpperCase(hook.charAt(0))
                    + hook.substring(1), "(" + leadingArguments + "II)V", false);
        } else {
            contextCall(hook, "(" + leadingArguments + "I" + CONTEXT_DESC + ")V");
        }
    }

    /** Pushes the current site and the context, then calls the hook. */
    private void recordAt(String hook, String descriptor) {
        push(site());
        contextCall(hook, descriptor);
    }

    /**
     * Pushes the context, then calls the hook: from the method's local, or in a method that frames
     * its accesses, which looks none up at entry, looked up now (its other hooks: a volatile
     * access, an array's allocation).
     */
    private void contextCall(String hook, String descriptor) {
        if (framesItsAccesses) {
            Emit.lookUpContext(mv);
        } else {
            super.visitVarInsn(Opcodes.ALOAD, contextSlot);
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, RT, hook, descriptor, false);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        loadedField = null;
        if (opcode == Opcodes.NEW && !bodyStarted) {
            pendingNews++;
        }
        super.visitTypeInsn(opcode, type);
        if (opcode == Opcodes.ANEWARRAY) {
            arrayAllocated();
        }
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        loadedField = null;
        super.visitIntInsn(opcode, operand);
        if (opcode == Opcodes.NEWARRAY) {
            arrayAllocated();
        }
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        loadedField = null;
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
        arrayAllocated();
    }

    /** The new array is on the stack: give it its id and allocation site now. */
    private void arrayAllocated() {
        if (scope.options.memory()) {
            super.visitInsn(Opcodes.DUP);
            recordAt("arrayAllocated", "(Ljava/lang/Object;I" + CONTEXT_DESC + ")V");
        }
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        if (opcode != Opcodes.ASTORE) {
            loadedField = null;
        }
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        loadedField = null;
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        loadedField = null;
        super.visitLdcInsn(value);
    }

    @Override
    public void visitLabel(Label label) {
        loadedField = null;
        super.visitLabel(label);
        if (resumingHandlers.contains(label)) {
            if (scope.hasFrames) {
                atHandler = true;
            } else {
                caught();
            }
        }
    }

    @Override
    public void visitMethodInsn(int opcode, String callOwner, String name, String descriptor, boolean isInterface) {
        loadedField = null;
        int site = site();
        if (scope.options.stacks()) {
            // the callee's Rt.enter reads this: one field store per call
            super.visitVarInsn(Opcodes.ALOAD, contextSlot);
            push(site);
            super.visitFieldInsn(Opcodes.PUTFIELD, CONTEXT, "callSite", "I");
        }
        CallSiteHooks.ArgumentFilter filter = scope.argumentFilter(opcode, callOwner, name, descriptor);
        if (filter != null) {
            // the last argument is on top of the stack: replace it by the hook's result
            push(site);
            super.visitVarInsn(Opcodes.ALOAD, contextSlot);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, filter.hookOwner(), filter.hookName(), filter.hookDescriptor(),
                    false);
        }
        CallSiteHooks.CallObserver observer = scope.observer(opcode, callOwner, name, descriptor);
        CallSiteHooks.ObservedCall observed = null;
        int freeLocal = wideScratch + 2;
        ReceiverFields.Receiver receiver = observer == null || receiverFields == null ? null : receiverFields.next();
        if (receiver != null && receiver.confined()) {
            observer = null; // an object of this method's own: no other thread can race on it or hold its monitor
        }
        if (observer != null) {
            String[] field = receiver == null ? null : receiver.field();
            int fieldId = field == null ? -1 : scope.resolveField(field[0], field[1], field[2], field[3] != null).id();
            observed = new CallSiteHooks.ObservedCall(calledSite(callOwner, name, descriptor), fieldId, contextSlot,
                    freeLocal);
            freeLocal += observer.before(mv, observed, opcode, callOwner, name, descriptor);
        }
        CallSiteHooks.Hook hook = scope.hook(opcode, callOwner, name, descriptor);
        if (hook != null) {
            push(site);
            super.visitVarInsn(Opcodes.ALOAD, contextSlot);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, hook.hookOwner(), hook.hookName(), hook.hookDescriptor(), false);
        } else if (name.equals("<init>") || !scope.probe(mv, site, contextSlot, freeLocal, opcode, callOwner, name,
                descriptor, isInterface)) {
            // probes emit straight into the next visitor; their scratch locals follow the observer's
            super.visitMethodInsn(opcode, callOwner, name, descriptor, isInterface);
        }
        if (observer != null) {
            observer.after(mv, observed, opcode, callOwner, name, descriptor);
        }
        if (hook != null) {
            return;
        }
        if (isConstructor && !bodyStarted && opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
            // NEW/<init> pairs nest; the <init> with no NEW pending is super() or this()
            if (pendingNews == 0) {
                startBody();
            } else {
                pendingNews--;
            }
        }
    }

    /** The site of this line's call of {@code owner.name}, naming the called method (one per line and method). */
    private int calledSite(String owner, String name, String descriptor) {
        int called = scope.dictionary.calledMethod(owner, name, descriptor);
        return calledSites.computeIfAbsent(((long) line << 32) | called,
                k -> scope.dictionary.callSite(methodId, line, called));
    }

    private void push(int value) {
        Emit.push(mv, value);
    }
}
