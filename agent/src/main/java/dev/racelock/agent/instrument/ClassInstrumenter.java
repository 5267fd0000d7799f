package dev.racelock.agent.instrument;

import dev.racelock.agent.runtime.Identified;
import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.Ownership;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;

import java.util.Set;

/**
 * Rewrites one class. A method its {@link ClassPlan} copies goes to the class writer as it is;
 * every other method is buffered as a {@link MethodNode} first, so its {@code maxLocals} is known
 * before its code is rewritten (new locals go after the method's own).
 *
 * <p>The topmost instrumented class of a hierarchy (its superclass is not instrumented) gets
 * the object id: a {@code private transient final synthetic long $racelock$id}, set at the
 * start of every constructor (a field of the class itself may be written before super(), JVMS
 * 4.10.1.9), and the {@code Identified} interface that reads it. Transient and private so that
 * serialization and reflection-based tools skip it; the serialVersionUID the class had is kept
 * by {@code SerialVersionUIDAdder} upstream of this visitor. In {@code mode=locks}, where few
 * objects are ever used as locks, the field is volatile instead, set on the object's first use
 * by {@code ObjectIds} through a {@code $racelock$setId} method, and constructors are left as
 * they were (nor are they compiled larger for it). With the ownership filter on, it
 * also gets a {@code private transient synthetic Object $racelock$shadow}, the object's
 * {@code ObjectShadow}, set right after super() (the object is usable from there on) and read
 * through {@code Identified.$racelock$shadow()}.
 */
final class ClassInstrumenter extends ClassVisitor {
    static final String ID_FIELD = "$racelock$id";
    static final String SHADOW_FIELD = "$racelock$shadow";
    static final String IDENTIFIED = Type.getInternalName(Identified.class);
    /**
     * The most field and element instructions a method may have and still frame its accesses
     * (with no loop): each framed access pushes and pops the frame, so beyond a few an entry and
     * an exit of its own cost less (Lucene's and Xalan's small array loops were slower framed).
     */
    static final int MAX_FRAMED_ACCESSES = 4;

    private final ClassTransformer.Context context;
    private final boolean carriesId;
    /** Members another agent added: their methods are left as they are, their accesses unrecorded. */
    private final ForeignMembers foreign;
    /** What happens to each method, decided from the class file before ASM visits it. */
    private final ClassPlan plan;
    private final MethodScope scope;
    private final String className;
    private String sourceFile;

    ClassInstrumenter(ClassVisitor next, ClassTransformer.Context context, ForeignMembers foreign, ClassPlan plan) {
        super(Opcodes.ASM9, next);
        this.context = context;
        this.carriesId = plan.carriesId;
        this.foreign = foreign;
        this.plan = plan;
        this.scope = plan.scope;
        this.className = plan.className;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        String[] all = interfaces;
        if (carriesId) {
            all = new String[interfaces.length + 1];
            System.arraycopy(interfaces, 0, all, 0, interfaces.length);
            all[interfaces.length] = IDENTIFIED;
        }
        super.visit(version, access, name, signature, superName, all);
    }

    @Override
    public void visitSource(String source, String debug) {
        this.sourceFile = source;
        super.visitSource(source, debug);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || next == null
                || foreign.isMethod(className, name, descriptor)) {
            return next;
        }
        if (plan.copies(name, descriptor)) {
            return next; // the writer's own visitor: ASM copies the method's bytes as they are
        }
        boolean threadRun = plan.threadRun(access, name, descriptor);
        CallSiteHooks.BodyHook bodyHook = plan.bodyHook(access, name, descriptor);
        boolean idAssignment = plan.idAssignment(name);
        boolean entryRecords = plan.entryRecords(access, name, threadRun, bodyHook);
        return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
            private int firstLine() {
                for (org.objectweb.asm.tree.AbstractInsnNode insn : instructions) {
                    if (insn instanceof org.objectweb.asm.tree.LineNumberNode lineNumber) {
                        return lineNumber.line;
                    }
                }
                return -1;
            }

            /** Instructions of another agent in this method (ForeignCode): nothing to record there. */
            private java.util.Set<org.objectweb.asm.tree.AbstractInsnNode> foreignArrays;

            /**
             * Whether anything is recorded in this method. A method that records nothing is
             * left byte-for-byte as it was: no context lookup, and it stays small enough for
             * the JIT to inline (mode=locks leaves most getters and setters untouched; with
             * stacks on, leaves that touch no recorded field, array or monitor).
             */
            private boolean recordsAnything() {
                if (entryRecords) {
                    return true;
                }
                for (org.objectweb.asm.tree.AbstractInsnNode insn : instructions) {
                    int op = insn.getOpcode();
                    if (ForeignCode.isForeign(insn, foreign, foreignArrays)) {
                        continue;
                    }
                    // with stacks on, a method that calls anything is a frame of its callees' stacks;
                    // a leaf that records nothing needs no enter/exit: no event can happen inside it
                    if (context.options().stacks() && (insn instanceof org.objectweb.asm.tree.MethodInsnNode
                            || insn instanceof org.objectweb.asm.tree.InvokeDynamicInsnNode)) {
                        return true;
                    }
                    if (op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT) {
                        return true;
                    }
                    if (context.options().memory() && (insn instanceof org.objectweb.asm.tree.FieldInsnNode
                            || (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD)
                            || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE))) {
                        return true;
                    }
                    if (insn instanceof org.objectweb.asm.tree.MethodInsnNode call
                            && scope.recordsCall(op, call.owner, call.name, call.desc)) {
                        return true;
                    }
                }
                return false;
            }

            /**
             * With stacks on, a method that calls nothing (no invoke, no monitor, nothing at its
             * entry, no static access that may run a class initializer first), has no loop and at
             * most {@link #MAX_FRAMED_ACCESSES} field and element instructions: nothing can be
             * recorded below it, so it needs no entry, exit or handler of its own, and each of its
             * recorded accesses pushes and pops its frame (Rt.framedRead...): a getter then costs
             * one hook call instead of three.
             */
            private boolean framesItsAccesses() {
                if (!context.options().stacks() || entryRecords || name.startsWith("<")) {
                    return false;
                }
                int accesses = 0;
                for (org.objectweb.asm.tree.AbstractInsnNode insn : instructions) {
                    int op = insn.getOpcode();
                    if (insn instanceof org.objectweb.asm.tree.FieldInsnNode
                            || (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD)
                            || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE)) {
                        accesses++;
                    }
                    if (accesses > MAX_FRAMED_ACCESSES || jumpsBack(insn)) {
                        return false; // each access would push and pop the frame: more work than one entry and exit
                    }
                    if (insn instanceof org.objectweb.asm.tree.MethodInsnNode
                            || insn instanceof org.objectweb.asm.tree.InvokeDynamicInsnNode
                            || op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT) {
                        return false;
                    }
                    if ((op == Opcodes.GETSTATIC || op == Opcodes.PUTSTATIC)
                            && insn instanceof org.objectweb.asm.tree.FieldInsnNode f && !f.owner.equals(className)
                            && scope.initializationChecked(f.owner, f.name)) {
                        // its probe may initialize another class: instrumented code below this method
                        // (this class's own initialization has begun, or its method would not run)
                        return false;
                    }
                }
                return true;
            }

            /** A jump or switch to an earlier instruction: the method may loop. */
            private boolean jumpsBack(org.objectweb.asm.tree.AbstractInsnNode insn) {
                java.util.List<org.objectweb.asm.tree.LabelNode> targets;
                if (insn instanceof org.objectweb.asm.tree.JumpInsnNode jump) {
                    targets = java.util.List.of(jump.label);
                } else if (insn instanceof org.objectweb.asm.tree.TableSwitchInsnNode table) {
                    targets = table.labels;
                } else if (insn instanceof org.objectweb.asm.tree.LookupSwitchInsnNode lookup) {
                    targets = lookup.labels;
                } else {
                    return false;
                }
                int at = instructions.indexOf(insn);
                return targets.stream().anyMatch(label -> instructions.indexOf(label) < at);
            }

            @Override
            public void visitEnd() {
                foreignArrays = ForeignCode.foreignArrayAccesses(className, this, foreign);
                if (!recordsAnything()) {
                    accept(next);
                    return;
                }
                int methodId = context.dictionary().method(className, name, descriptor, sourceFile);
                MethodVisitor target = name.equals("<clinit>") ? next : new InliningPad(next, scope.hasFrames);
                if (idAssignment) {
                    target = new IdAssignment(target, className, context.options().ownership());
                }
                ReceiverFields receivers = ReceiverFields.of(className, this,
                        call -> scope.observer(call.getOpcode(), call.owner, call.name, call.desc) != null,
                        scope::keepsInstancesToThemselves);
                boolean framed = framesItsAccesses();
                MethodInstrumenter instrumenter = new MethodInstrumenter(scope, target, access, name, methodId,
                        maxLocals, threadRun, bodyHook, firstLine(), receivers,
                        context.options().stacks() && !framed ? ResumingHandlers.of(this) : Set.of(), framed);
                accept(ForeignCode.around(instrumenter, target, foreign, instructions, foreignArrays));
            }
        };
    }

    @Override
    public void visitEnd() {
        if (carriesId) {
            if (context.options().memory()) {
                addFieldWithGetter(Opcodes.ACC_FINAL, ID_FIELD, "J", Opcodes.LRETURN); // set by every constructor
            } else {
                addFieldWithGetter(Opcodes.ACC_VOLATILE, ID_FIELD, "J", Opcodes.LRETURN); // set on first use
                addIdSetter();
            }
            if (context.options().ownership()) {
                addFieldWithGetter(0, SHADOW_FIELD, "Ljava/lang/Object;", Opcodes.ARETURN);
            }
        }
        scope.classLiteral.declareCache(cv);
        super.visitEnd();
    }

    /**
     * {@code $racelock$setId(long)}: stores the id set on first use (ObjectIds, under its lock)
     * and answers true ({@link Identified#$racelock$setId}).
     */
    private void addIdSetter() {
        MethodVisitor setter = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC,
                "$racelock$setId", "(J)Z", null, null);
        setter.visitCode();
        setter.visitVarInsn(Opcodes.ALOAD, 0);
        setter.visitVarInsn(Opcodes.LLOAD, 1);
        setter.visitFieldInsn(Opcodes.PUTFIELD, className, ID_FIELD, "J");
        setter.visitInsn(Opcodes.ICONST_1);
        setter.visitInsn(Opcodes.IRETURN);
        setter.visitMaxs(0, 0);
        setter.visitEnd();
    }

    /** A private transient synthetic field and its public final getter of the same name. */
    private void addFieldWithGetter(int extraAccess, String name, String descriptor, int returnOpcode) {
        super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC | extraAccess,
                name, descriptor, null, null).visitEnd();
        MethodVisitor getter = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC,
                name, "()" + descriptor, null, null);
        getter.visitCode();
        getter.visitVarInsn(Opcodes.ALOAD, 0);
        getter.visitFieldInsn(Opcodes.GETFIELD, className, name, descriptor);
        getter.visitInsn(returnOpcode);
        getter.visitMaxs(0, 0);
        getter.visitEnd();
    }

    /**
     * Sets the id first thing in a constructor, right after the context is fetched (it runs
     * downstream of the instrumenter, so it sees the instrumenter's entry code first); with the
     * ownership filter, also the shadow, right after super() or this() (the first {@code <init>}
     * call that no NEW is waiting for), where {@code this} may be passed on.
     */
    private static final class IdAssignment extends MethodVisitor {
        private final String owner;
        private final boolean shadow;
        private int contextSlot = -1;
        private int pendingNews;
        private boolean shadowSet;

        IdAssignment(MethodVisitor next, String owner, boolean shadow) {
            super(Opcodes.ASM9, next);
            this.owner = owner;
            this.shadow = shadow;
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            super.visitVarInsn(opcode, varIndex);
            if (contextSlot < 0 && opcode == Opcodes.ASTORE) { // the instrumenter's first store is the context
                contextSlot = varIndex;
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitVarInsn(Opcodes.ALOAD, varIndex);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(ObjectIds.class), "newId",
                        "(" + Emit.CONTEXT_DESC + ")J", false);
                super.visitFieldInsn(Opcodes.PUTFIELD, owner, ID_FIELD, "J");
            }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            super.visitTypeInsn(opcode, type);
            if (opcode == Opcodes.NEW) {
                pendingNews++;
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String callOwner, String name, String descriptor, boolean isInterface) {
            super.visitMethodInsn(opcode, callOwner, name, descriptor, isInterface);
            if (opcode != Opcodes.INVOKESPECIAL || !name.equals("<init>") || shadowSet) {
                return;
            }
            if (pendingNews > 0) {
                pendingNews--;
                return;
            }
            shadowSet = true;
            if (shadow && contextSlot >= 0) {
                String object = "Ljava/lang/Object;";
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitFieldInsn(Opcodes.GETFIELD, owner, SHADOW_FIELD, object);
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitVarInsn(Opcodes.ALOAD, contextSlot);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(Ownership.class), "shadow",
                        "(" + object + object + Emit.CONTEXT_DESC + ")" + object, false);
                super.visitFieldInsn(Opcodes.PUTFIELD, owner, SHADOW_FIELD, object);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(Ownership.class), "constructed",
                        "()V", false);
            }
        }
    }
}
