package dev.racelock.agent.instrument;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The instructions of one method that belong to another agent ({@link ForeignMembers}): reads
 * and writes of its fields, calls of its methods, and the array loads and stores whose array
 * came from one of those (JaCoCo stores {@code true} into its probe array, obtained once per
 * method from {@code $jacocoInit} or a {@code $jacocoData} constant, at every probe). The array's
 * origin is found by a data flow over the method (ASM's {@link Analyzer} with {@link Origins}),
 * through locals, {@code dup}s and {@code checkcast}.
 *
 * <p>As a {@link MethodVisitor} placed before the {@link MethodInstrumenter}, it sends those
 * instructions past it, straight to the writer, unrecorded; everything else goes through it.
 */
final class ForeignCode extends MethodVisitor {
    private final MethodVisitor writer;
    private final ForeignMembers members;
    private final Set<AbstractInsnNode> foreignArrayAccesses;
    /** The method's InsnNodes (zero-operand instructions) in order: one per visitInsn call. */
    private final List<AbstractInsnNode> plainInsns = new ArrayList<>();
    private int nextPlain;

    private ForeignCode(MethodVisitor instrumenter, MethodVisitor writer, ForeignMembers members, InsnList instructions,
                        Set<AbstractInsnNode> foreignArrayAccesses) {
        super(Opcodes.ASM9, instrumenter);
        this.writer = writer;
        this.members = members;
        this.foreignArrayAccesses = foreignArrayAccesses;
        for (AbstractInsnNode insn : instructions) {
            if (insn.getType() == AbstractInsnNode.INSN) {
                plainInsns.add(insn);
            }
        }
    }

    /**
     * What the method's {@code MethodNode} should be visited with: the instrumenter, behind a
     * filter when the class has foreign members.
     *
     * @param writer the visitor after the instrumenter
     */
    static MethodVisitor around(MethodVisitor instrumenter, MethodVisitor writer, ForeignMembers members,
                                InsnList instructions, Set<AbstractInsnNode> foreignArrayAccesses) {
        if (members.isEmpty()) {
            return instrumenter;
        }
        return new ForeignCode(instrumenter, writer, members, instructions, foreignArrayAccesses);
    }

    /** True if {@code insn} is another agent's: the instrumenter has nothing to record for it. */
    static boolean isForeign(AbstractInsnNode insn, ForeignMembers members, Set<AbstractInsnNode> arrayAccesses) {
        if (insn instanceof FieldInsnNode field) {
            return members.isField(field.owner, field.name);
        }
        if (insn instanceof MethodInsnNode call) {
            return members.isMethod(call.owner, call.name, call.desc);
        }
        return arrayAccesses.contains(insn);
    }

    /** The array loads and stores of {@code method} whose array comes from a foreign member. */
    static Set<AbstractInsnNode> foreignArrayAccesses(String owner, MethodNode method, ForeignMembers members) {
        if (members.isEmpty()) {
            return Set.of();
        }
        Frame<Origin>[] frames;
        try {
            frames = new Analyzer<>(new Origins(members)).analyze(owner, method);
        } catch (AnalyzerException | RuntimeException e) {
            return Set.of(); // recorded as the program's: at worst a finding on the other agent's data
        }
        Set<AbstractInsnNode> found = new HashSet<>();
        for (int i = 0; i < method.instructions.size(); i++) {
            AbstractInsnNode insn = method.instructions.get(i);
            int op = insn.getOpcode();
            // the array reference sits under the index (and, for a store, under the value)
            int below = op >= Opcodes.IALOAD && op <= Opcodes.SALOAD ? 2
                    : op >= Opcodes.IASTORE && op <= Opcodes.SASTORE ? 3 : -1;
            Frame<Origin> frame = frames[i];
            if (below > 0 && frame != null && frame.getStack(frame.getStackSize() - below).foreign) {
                found.add(insn);
            }
        }
        return found;
    }

    /** A value of the data flow: its size in slots, and whether it came from a foreign member. */
    static final class Origin implements Value {
        static final Origin ONE = new Origin(1, false);
        static final Origin TWO = new Origin(2, false);
        static final Origin FOREIGN = new Origin(1, true);

        final int size;
        final boolean foreign;

        private Origin(int size, boolean foreign) {
            this.size = size;
            this.foreign = foreign;
        }

        static Origin of(Type type) {
            return type.getSize() == 2 ? TWO : ONE;
        }

        @Override
        public int getSize() {
            return size;
        }
    }

    /**
     * Follows values from where another agent's member produced them (a read of its field, a call
     * of its method, a dynamic constant it bootstraps) through copies: locals, {@code dup}s and
     * {@code checkcast}. A value that may come from elsewhere on some path is not foreign.
     */
    private static final class Origins extends Interpreter<Origin> {
        private final ForeignMembers members;

        Origins(ForeignMembers members) {
            super(Opcodes.ASM9);
            this.members = members;
        }

        @Override
        public Origin newValue(Type type) {
            if (type == null) {
                return Origin.ONE; // an uninitialized local
            }
            return type.getSort() == Type.VOID ? null : Origin.of(type);
        }

        @Override
        public Origin newOperation(AbstractInsnNode insn) {
            switch (insn.getOpcode()) {
                case Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.DCONST_0, Opcodes.DCONST_1 -> {
                    return Origin.TWO;
                }
                case Opcodes.GETSTATIC -> {
                    FieldInsnNode field = (FieldInsnNode) insn;
                    return members.isField(field.owner, field.name) ? Origin.FOREIGN : Origin.of(Type.getType(field.desc));
                }
                case Opcodes.LDC -> {
                    Object constant = ((LdcInsnNode) insn).cst;
                    if (constant instanceof ConstantDynamic dynamic) {
                        Handle bootstrap = dynamic.getBootstrapMethod();
                        boolean foreign = members.isField(bootstrap.getOwner(), dynamic.getName())
                                || members.isMethod(bootstrap.getOwner(), bootstrap.getName(), bootstrap.getDesc());
                        return foreign ? Origin.FOREIGN : Origin.of(Type.getType(dynamic.getDescriptor()));
                    }
                    return constant instanceof Long || constant instanceof Double ? Origin.TWO : Origin.ONE;
                }
                default -> {
                    return Origin.ONE;
                }
            }
        }

        @Override
        public Origin copyOperation(AbstractInsnNode insn, Origin value) {
            return value;
        }

        @Override
        public Origin unaryOperation(AbstractInsnNode insn, Origin value) {
            switch (insn.getOpcode()) {
                case Opcodes.CHECKCAST -> {
                    return value;
                }
                case Opcodes.LNEG, Opcodes.DNEG, Opcodes.I2L, Opcodes.I2D, Opcodes.L2D, Opcodes.F2L, Opcodes.F2D,
                     Opcodes.D2L -> {
                    return Origin.TWO;
                }
                case Opcodes.GETFIELD -> {
                    FieldInsnNode field = (FieldInsnNode) insn;
                    return members.isField(field.owner, field.name) ? Origin.FOREIGN : Origin.of(Type.getType(field.desc));
                }
                case Opcodes.IFEQ, Opcodes.IFNE, Opcodes.IFLT, Opcodes.IFGE, Opcodes.IFGT, Opcodes.IFLE,
                     Opcodes.TABLESWITCH, Opcodes.LOOKUPSWITCH, Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN,
                     Opcodes.DRETURN, Opcodes.ARETURN, Opcodes.PUTSTATIC, Opcodes.ATHROW, Opcodes.MONITORENTER,
                     Opcodes.MONITOREXIT, Opcodes.IFNULL, Opcodes.IFNONNULL -> {
                    return null;
                }
                default -> {
                    return Origin.ONE;
                }
            }
        }

        @Override
        public Origin binaryOperation(AbstractInsnNode insn, Origin value1, Origin value2) {
            switch (insn.getOpcode()) {
                case Opcodes.LALOAD, Opcodes.DALOAD, Opcodes.LADD, Opcodes.DADD, Opcodes.LSUB, Opcodes.DSUB,
                     Opcodes.LMUL, Opcodes.DMUL, Opcodes.LDIV, Opcodes.DDIV, Opcodes.LREM, Opcodes.DREM,
                     Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR, Opcodes.LAND, Opcodes.LOR, Opcodes.LXOR -> {
                    return Origin.TWO;
                }
                case Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT,
                     Opcodes.IF_ICMPLE, Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE, Opcodes.PUTFIELD -> {
                    return null;
                }
                default -> {
                    return Origin.ONE;
                }
            }
        }

        @Override
        public Origin ternaryOperation(AbstractInsnNode insn, Origin value1, Origin value2, Origin value3) {
            return null; // array stores
        }

        @Override
        public Origin naryOperation(AbstractInsnNode insn, List<? extends Origin> values) {
            if (insn instanceof MethodInsnNode call) {
                Type result = Type.getReturnType(call.desc);
                if (result.getSort() == Type.VOID) {
                    return null;
                }
                return members.isMethod(call.owner, call.name, call.desc) ? Origin.FOREIGN : Origin.of(result);
            }
            if (insn instanceof InvokeDynamicInsnNode dynamic) {
                return newValue(Type.getReturnType(dynamic.desc));
            }
            return Origin.ONE; // multianewarray
        }

        @Override
        public void returnOperation(AbstractInsnNode insn, Origin value, Origin expected) {
        }

        @Override
        public Origin merge(Origin value1, Origin value2) {
            if (value1 == value2) {
                return value1;
            }
            return value1.size == value2.size && value1.size == 2 ? Origin.TWO : Origin.ONE;
        }
    }

    // ---- the filter ---------------------------------------------------------------------------

    @Override
    public void visitInsn(int opcode) {
        AbstractInsnNode insn = plainInsns.get(nextPlain++);
        if (foreignArrayAccesses.contains(insn)) {
            writer.visitInsn(opcode);
        } else {
            super.visitInsn(opcode);
        }
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        if (members.isField(owner, name)) {
            writer.visitFieldInsn(opcode, owner, name, descriptor);
        } else {
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (members.isMethod(owner, name, descriptor)) {
            writer.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        } else {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }
}
