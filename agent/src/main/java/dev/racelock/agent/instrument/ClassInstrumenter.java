package dev.racelock.agent.instrument;

import dev.racelock.agent.runtime.Identified;
import dev.racelock.agent.runtime.ObjectIds;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rewrites one class. Each method is buffered as a {@link MethodNode} first, so its
 * {@code maxLocals} is known before its code is rewritten (new locals go after the method's own).
 *
 * <p>The topmost instrumented class of a hierarchy (its superclass is not instrumented) gets
 * the object id: a {@code private transient final synthetic long $racelock$id}, set at the
 * start of every constructor (a field of the class itself may be written before super(), JVMS
 * 4.10.1.9), and the {@code Identified} interface that reads it. Transient and private so that
 * serialization and reflection-based tools skip it; the serialVersionUID the class had is kept
 * by {@code SerialVersionUIDAdder} upstream of this visitor.
 */
final class ClassInstrumenter extends ClassVisitor {
    static final String ID_FIELD = "$racelock$id";
    static final String IDENTIFIED = Type.getInternalName(Identified.class);

    private final ClassTransformer.Context context;
    private final boolean carriesId;
    /** Members another agent added: their methods are left as they are, their accesses unrecorded. */
    private final ForeignMembers foreign;
    private MethodScope scope;
    private String className;
    private String superName;
    private String sourceFile;
    private Boolean threadSubclass;

    ClassInstrumenter(ClassVisitor next, ClassTransformer.Context context, boolean carriesId, ForeignMembers foreign) {
        super(Opcodes.ASM9, next);
        this.context = context;
        this.carriesId = carriesId;
        this.foreign = foreign;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.className = name;
        this.superName = superName;
        String[] all = interfaces;
        if (carriesId) {
            all = new String[interfaces.length + 1];
            System.arraycopy(interfaces, 0, all, 0, interfaces.length);
            all[interfaces.length] = IDENTIFIED;
        }
        scope = new MethodScope(name, context.loader(), context.options(), context.dictionary(), context.hierarchy(),
                context.hooks(), version).withFilter(context.filter());
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
        boolean threadRun = name.equals("run") && descriptor.equals("()V") && (access & Opcodes.ACC_STATIC) == 0
                && isThreadSubclass();
        return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
            private int firstLine() {
                for (org.objectweb.asm.tree.AbstractInsnNode insn : instructions) {
                    if (insn instanceof org.objectweb.asm.tree.LineNumberNode lineNumber) {
                        return lineNumber.line;
                    }
                }
                return -1;
            }

            /** Calls around the body of a method the JDK runs as a task (CallSiteHooks.BodyHook), or null. */
            private final CallSiteHooks.BodyHook bodyHook = (access & Opcodes.ACC_STATIC) != 0 ? null
                    : context.hooks().bodyHook(name, descriptor, ancestor -> scope.isSubclass(superName, ancestor));

            /** Instructions of another agent in this method (ForeignCode): nothing to record there. */
            private java.util.Set<org.objectweb.asm.tree.AbstractInsnNode> foreignArrays;

            /**
             * Whether anything is recorded in this method. A method that records nothing is
             * left byte-for-byte as it was: no context lookup, and it stays small enough for
             * the JIT to inline (mode=locks leaves most getters and setters untouched; with
             * stacks on, leaves that touch no recorded field, array or monitor).
             */
            private boolean recordsAnything(boolean idAssignment) {
                if (idAssignment || threadRun || (access & Opcodes.ACC_SYNCHRONIZED) != 0 || bodyHook != null) {
                    return true;
                }
                if (name.equals("<clinit>") && context.options().memory()) {
                    return true; // its end is the class-initialization hand-off (ClassInitProbe)
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
                            && (scope.hook(op, call.owner, call.name, call.desc) != null
                                || scope.probed(op, call.owner, call.name, call.desc)
                                || scope.argumentFilter(op, call.owner, call.name, call.desc) != null)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public void visitEnd() {
                boolean idAssignment = carriesId && name.equals("<init>");
                foreignArrays = ForeignCode.foreignArrayAccesses(className, this, foreign);
                if (!recordsAnything(idAssignment)) {
                    accept(next);
                    return;
                }
                int methodId = context.dictionary().method(className, name, descriptor, sourceFile);
                MethodVisitor target = next;
                if (idAssignment) {
                    target = new IdAssignment(target, className);
                }
                MethodInstrumenter instrumenter = new MethodInstrumenter(scope, target, access, name, methodId,
                        maxLocals, threadRun, bodyHook, firstLine());
                accept(ForeignCode.around(instrumenter, target, foreign, instructions, foreignArrays));
            }
        };
    }

    private boolean isThreadSubclass() {
        if (threadSubclass == null) {
            threadSubclass = scope.isThreadSubclass(superName);
        }
        return threadSubclass;
    }

    @Override
    public void visitEnd() {
        if (carriesId) {
            super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC,
                    ID_FIELD, "J", null, null).visitEnd();
            MethodVisitor mv = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC,
                    ID_FIELD, "()J", null, null);
            mv.visitCode();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, className, ID_FIELD, "J");
            mv.visitInsn(Opcodes.LRETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        scope.classLiteral.declareCache(cv);
        super.visitEnd();
    }

    /**
     * Sets the id first thing in a constructor, right after the context is fetched (it runs
     * downstream of the instrumenter, so it sees the instrumenter's entry code first).
     */
    private static final class IdAssignment extends MethodVisitor {
        private final String owner;
        private boolean done;

        IdAssignment(MethodVisitor next, String owner) {
            super(Opcodes.ASM9, next);
            this.owner = owner;
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            super.visitVarInsn(opcode, varIndex);
            if (!done && opcode == Opcodes.ASTORE) { // the instrumenter's first store is the context
                done = true;
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitVarInsn(Opcodes.ALOAD, varIndex);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(ObjectIds.class), "newId",
                        "(" + Emit.CONTEXT_DESC + ")J", false);
                super.visitFieldInsn(Opcodes.PUTFIELD, owner, ID_FIELD, "J");
            }
        }
    }
}
