package dev.racelock.agent.instrument;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

import java.util.HashSet;
import java.util.Set;

/**
 * The methods of a class file whose code holds no instruction the rewriter records, found by
 * walking the bytecode itself before ASM visits the class. {@link ClassInstrumenter} hands such a
 * method straight to the class writer, and ASM then copies its bytes as they are (it does when
 * the visitor a method gets is the writer's own, JavaDoc of {@code ClassWriter(ClassReader, int)}):
 * no instruction parsed, no frame expanded, no tree built, no maximum stack computed. In
 * {@code mode=locks} most methods are such (no monitor, no hooked call), and building each as a
 * tree only to write it back unchanged was most of what loading a class cost.
 *
 * <p>Conservative by construction: anything this walk cannot place (an unknown opcode, a
 * malformed attribute) counts as recording, and the method takes the full path, whose check
 * ({@code recordsAnything}) also knows another agent's instructions. What the header alone decides
 * (synchronized, {@code Thread.run}, a task body, a constructor that sets the id) the caller says
 * ({@link ClassPlan#entryRecords}).
 */
final class UntouchedCode {

    /** Whether a call made by the method is recorded (a hook, an observer, a probe, a filter). */
    @FunctionalInterface
    interface RecordedCall {
        boolean test(int opcode, String owner, String name, String descriptor);
    }

    /** Whether a method records at its entry whatever its code (synchronized, Thread.run, ...). */
    @FunctionalInterface
    interface RecordingEntry {
        boolean test(int access, String name, String descriptor);
    }

    /**
     * @param untouched name + descriptor of every method with code that records nothing
     * @param all       whether every method with code is such (false when the class file could not be walked)
     */
    record Methods(Set<String> untouched, boolean all) {
    }

    /** Bytes of each fixed-length instruction, 0 for those of variable length or none. */
    private static final byte[] LENGTH = lengths();

    private UntouchedCode() {
    }

    /**
     * The methods with code whose header and instructions record nothing; none when the class
     * file cannot be walked.
     *
     * @param memory field and array accesses are recorded (not {@code mode=locks})
     * @param stacks every call is a frame of its callees' stacks (stacks on)
     */
    static Methods methods(ClassReader reader, boolean memory, boolean stacks, RecordedCall recorded,
                           RecordingEntry entry) {
        Set<String> untouched = new HashSet<>();
        boolean all = true;
        try {
            char[] buffer = new char[reader.getMaxStringLength()];
            int u = reader.header + 6; // access_flags, this_class, super_class
            u += 2 + 2 * reader.readUnsignedShort(u); // interfaces
            int fields = reader.readUnsignedShort(u);
            u += 2;
            for (int f = 0; f < fields; f++) {
                u = skipAttributes(reader, u + 6);
            }
            int methods = reader.readUnsignedShort(u);
            u += 2;
            for (int m = 0; m < methods; m++) {
                int access = reader.readUnsignedShort(u);
                String name = reader.readUTF8(u + 2, buffer);
                String descriptor = reader.readUTF8(u + 4, buffer);
                int attributes = reader.readUnsignedShort(u + 6);
                u += 8;
                for (int a = 0; a < attributes; a++) {
                    int length = reader.readInt(u + 2);
                    if ("Code".equals(reader.readUTF8(u, buffer))) {
                        int codeStart = u + 14; // max_stack, max_locals, code_length
                        if (!entry.test(access, name, descriptor)
                                && !records(reader, codeStart, reader.readInt(u + 10), memory, stacks, recorded, buffer)) {
                            untouched.add(name + descriptor);
                        } else {
                            all = false;
                        }
                    }
                    u += 6 + length;
                }
            }
        } catch (RuntimeException malformed) {
            return new Methods(Set.of(), false); // ASM's own pass decides; it reports what is wrong with the class
        }
        return new Methods(untouched, all);
    }

    private static int skipAttributes(ClassReader reader, int u) {
        int attributes = reader.readUnsignedShort(u);
        u += 2;
        for (int a = 0; a < attributes; a++) {
            u += 6 + reader.readInt(u + 2);
        }
        return u;
    }

    /** Whether any instruction of the code at {@code start} is one the rewriter records around. */
    private static boolean records(ClassReader reader, int start, int length, boolean memory, boolean stacks,
                                   RecordedCall recorded, char[] buffer) {
        int i = 0;
        while (i < length) {
            int op = reader.readByte(start + i);
            if (op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT) {
                return true;
            }
            if (memory && (op >= Opcodes.GETSTATIC && op <= Opcodes.PUTFIELD
                    || op >= Opcodes.IALOAD && op <= Opcodes.SALOAD
                    || op >= Opcodes.IASTORE && op <= Opcodes.SASTORE)) {
                return true;
            }
            if (op >= Opcodes.INVOKEVIRTUAL && op <= Opcodes.INVOKEDYNAMIC) {
                if (stacks || op != Opcodes.INVOKEDYNAMIC && isRecorded(reader, op, start + i + 1, recorded, buffer)) {
                    return true;
                }
            }
            int next = next(reader, start, i, op);
            if (next <= i) {
                return true; // not an instruction this walk knows: let the full path look
            }
            i = next;
        }
        return false;
    }

    private static boolean isRecorded(ClassReader reader, int op, int operand, RecordedCall recorded, char[] buffer) {
        int method = reader.getItem(reader.readUnsignedShort(operand));
        String owner = reader.readClass(method, buffer);
        int nameAndType = reader.getItem(reader.readUnsignedShort(method + 2));
        return recorded.test(op, owner, reader.readUTF8(nameAndType, buffer), reader.readUTF8(nameAndType + 2, buffer));
    }

    /** The offset of the instruction after the one at {@code i} (JVMS 6.5), or -1 for an unknown opcode. */
    private static int next(ClassReader reader, int start, int i, int op) {
        int fixed = LENGTH[op];
        if (fixed > 0) {
            return i + fixed;
        }
        switch (op) {
            case Opcodes.TABLESWITCH -> {
                int p = (i + 4) & ~3; // the operands are aligned on 4 bytes from the code's start
                int low = reader.readInt(start + p + 4);
                int high = reader.readInt(start + p + 8);
                return p + 12 + 4 * (high - low + 1);
            }
            case Opcodes.LOOKUPSWITCH -> {
                int p = (i + 4) & ~3;
                return p + 8 + 8 * reader.readInt(start + p + 4);
            }
            case 0xC4 -> { // wide
                return i + (reader.readByte(start + i + 1) == Opcodes.IINC ? 6 : 4);
            }
            default -> {
                return -1;
            }
        }
    }

    private static byte[] lengths() {
        byte[] lengths = new byte[256];
        fill(lengths, Opcodes.NOP, Opcodes.DCONST_1, 1);
        lengths[Opcodes.BIPUSH] = 2;
        lengths[Opcodes.SIPUSH] = 3;
        lengths[Opcodes.LDC] = 2;
        fill(lengths, 0x13, 0x14, 3); // ldc_w, ldc2_w
        fill(lengths, Opcodes.ILOAD, Opcodes.ALOAD, 2);
        fill(lengths, 0x1A, 0x2D, 1); // iload_0 .. aload_3
        fill(lengths, Opcodes.IALOAD, Opcodes.SALOAD, 1);
        fill(lengths, Opcodes.ISTORE, Opcodes.ASTORE, 2);
        fill(lengths, 0x3B, 0x4E, 1); // istore_0 .. astore_3
        fill(lengths, Opcodes.IASTORE, Opcodes.LXOR, 1);
        lengths[Opcodes.IINC] = 3;
        fill(lengths, Opcodes.I2L, Opcodes.DCMPG, 1);
        fill(lengths, Opcodes.IFEQ, Opcodes.JSR, 3);
        lengths[Opcodes.RET] = 2;
        fill(lengths, Opcodes.IRETURN, Opcodes.RETURN, 1);
        fill(lengths, Opcodes.GETSTATIC, Opcodes.INVOKESTATIC, 3);
        fill(lengths, Opcodes.INVOKEINTERFACE, Opcodes.INVOKEDYNAMIC, 5);
        lengths[Opcodes.NEW] = 3;
        lengths[Opcodes.NEWARRAY] = 2;
        lengths[Opcodes.ANEWARRAY] = 3;
        fill(lengths, Opcodes.ARRAYLENGTH, Opcodes.ATHROW, 1);
        fill(lengths, Opcodes.CHECKCAST, Opcodes.INSTANCEOF, 3);
        fill(lengths, Opcodes.MONITORENTER, Opcodes.MONITOREXIT, 1);
        lengths[Opcodes.MULTIANEWARRAY] = 4;
        fill(lengths, Opcodes.IFNULL, Opcodes.IFNONNULL, 3);
        fill(lengths, 0xC8, 0xC9, 5); // goto_w, jsr_w
        return lengths;
    }

    private static void fill(byte[] lengths, int from, int to, int length) {
        for (int op = from; op <= to; op++) {
            lengths[op] = (byte) length;
        }
    }
}
