package dev.racelock.agent.instrument;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.util.List;

/**
 * ASM's {@link SourceInterpreter} for the analyses that follow references only
 * ({@link ReceiverFields}, {@link ConfinedReceivers}): a primitive value keeps no sources, every
 * one of a size is one shared value. ASM's interpreter keeps, for every value, the set of
 * instructions that may have made it, and merges those sets at every join; a loop counter or a
 * flag assigned in many branches makes sets that are merged and compared again and again (a
 * profile of the rewriter over the workloads' libraries in {@code mode=locks} put a fifth of its
 * time there). Neither analysis asks where a primitive came from: a primitive is never a
 * receiver, and never carries an object out of a method.
 */
final class ReferenceSources extends SourceInterpreter {
    private static final SourceValue PRIMITIVE = new SourceValue(1);
    private static final SourceValue WIDE_PRIMITIVE = new SourceValue(2);

    ReferenceSources() {
        super(Opcodes.ASM9);
    }

    /** The shared value of {@code value}'s size. */
    private static SourceValue primitive(SourceValue value) {
        return value.getSize() == 2 ? WIDE_PRIMITIVE : PRIMITIVE;
    }

    private static boolean isPrimitive(SourceValue value) {
        return value == PRIMITIVE || value == WIDE_PRIMITIVE;
    }

    private static boolean isReference(Type type) {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
    }

    @Override
    public SourceValue newValue(Type type) {
        SourceValue value = super.newValue(type);
        return type == null || value == null || isReference(type) ? value : primitive(value);
    }

    @Override
    public SourceValue newOperation(AbstractInsnNode insn) {
        SourceValue value = super.newOperation(insn);
        boolean reference = switch (insn.getOpcode()) {
            case Opcodes.ACONST_NULL, Opcodes.NEW -> true;
            case Opcodes.GETSTATIC -> isReference(Type.getType(((FieldInsnNode) insn).desc));
            case Opcodes.LDC -> {
                Object constant = ((LdcInsnNode) insn).cst;
                yield constant instanceof String || constant instanceof Type || constant instanceof Handle
                        || constant instanceof ConstantDynamic dynamic && isReference(Type.getType(dynamic.getDescriptor()));
            }
            default -> false; // constants, and jsr's return address
        };
        return reference ? value : primitive(value);
    }

    @Override
    public SourceValue copyOperation(AbstractInsnNode insn, SourceValue value) {
        return isPrimitive(value) ? value : super.copyOperation(insn, value);
    }

    @Override
    public SourceValue unaryOperation(AbstractInsnNode insn, SourceValue value) {
        SourceValue result = super.unaryOperation(insn, value);
        boolean reference = switch (insn.getOpcode()) {
            case Opcodes.CHECKCAST, Opcodes.NEWARRAY, Opcodes.ANEWARRAY -> true;
            case Opcodes.GETFIELD -> isReference(Type.getType(((FieldInsnNode) insn).desc));
            default -> false;
        };
        return reference ? result : primitive(result);
    }

    @Override
    public SourceValue binaryOperation(AbstractInsnNode insn, SourceValue value1, SourceValue value2) {
        SourceValue result = super.binaryOperation(insn, value1, value2);
        return insn.getOpcode() == Opcodes.AALOAD ? result : primitive(result);
    }

    @Override
    public SourceValue naryOperation(AbstractInsnNode insn, List<? extends SourceValue> values) {
        SourceValue result = super.naryOperation(insn, values);
        Type returned = switch (insn.getOpcode()) {
            case Opcodes.MULTIANEWARRAY -> null;
            case Opcodes.INVOKEDYNAMIC -> Type.getReturnType(((InvokeDynamicInsnNode) insn).desc);
            default -> Type.getReturnType(((MethodInsnNode) insn).desc);
        };
        return returned == null || isReference(returned) || returned.getSort() == Type.VOID ? result : primitive(result);
    }

    @Override
    public SourceValue merge(SourceValue value1, SourceValue value2) {
        return value1 == value2 ? value1 : super.merge(value1, value2);
    }
}
