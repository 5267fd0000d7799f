package dev.racelock.agent.instrument;

import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.TraceOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bytecode walk that lets the rewriter copy a method as it is ({@link UntouchedCode}) agrees,
 * method by method, with the same question asked of ASM's tree of the method, on JDK classes full
 * of switches and on generated code with the instructions of irregular length ({@code wide},
 * {@code jsr}/{@code ret}, both switches); and a method it finds untouched reaches the written
 * class byte for byte, down to a maximum stack ASM would have computed smaller.
 */
class UntouchedCodeTest {

    /** A stand-in for the hooks: calls into java.util are recorded. */
    private static final UntouchedCode.RecordedCall RECORDED = (op, owner, name, descriptor) -> owner.startsWith("java/util/");
    /** No method records at its entry whatever its code. */
    private static final UntouchedCode.RecordingEntry NO_ENTRY = (access, name, descriptor) -> false;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"java/util/HashMap", "java/util/regex/Pattern", "java/lang/Character", "java/math/BigDecimal",
        "java/util/Formatter", "java/util/concurrent/ConcurrentHashMap", "java/lang/invoke/MethodHandles$Lookup"})
    void theWalkAgreesWithAsmsTreeOnJdkClasses(String className) throws IOException {
        assertAgreesWithTree(jdkClass(className));
    }

    @Test
    void theWalkAgreesWithAsmsTreeOnInstructionsOfIrregularLength() {
        assertAgreesWithTree(irregular());
    }

    @Test
    void malformedCodeIsLeftToTheFullPath() {
        byte[] bytes = irregular();
        ClassReader reader = new ClassReader(bytes);
        assertFalse(UntouchedCode.methods(reader, false, false, RECORDED, NO_ENTRY).untouched().isEmpty());
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 40); // the last method's code runs past the end
        assertEquals(new UntouchedCode.Methods(Set.of(), false),
                UntouchedCode.methods(new ClassReader(cut), false, false, RECORDED, NO_ENTRY));
    }

    @Test
    void anUntouchedMethodIsWrittenByteForByte() {
        Recording.start(TraceOutput.NONE, false);
        ClassTransformer transformer = InstrumentingLoader.transformer(new RecordingOutput(), false, false);
        byte[] original = irregular();
        byte[] transformed = transformer.transform(getClass().getClassLoader(), "dev/racelock/fixture/Irregular", original);
        MethodNode before = method(original, "oversized");
        MethodNode after = method(transformed, "oversized");
        assertEquals(40, after.maxStack, "the maximum stack as written, not as ASM would compute it (1)");
        assertEquals(before.maxLocals, after.maxLocals);
        assertEquals(opcodes(before), opcodes(after), "the same instructions");
    }

    private static MethodNode method(byte[] classFile, String name) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        return node.methods.stream().filter(m -> m.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("method " + name + " missing"));
    }

    private static java.util.List<Integer> opcodes(MethodNode method) {
        java.util.List<Integer> opcodes = new java.util.ArrayList<>();
        method.instructions.forEach(insn -> opcodes.add(insn.getOpcode()));
        return opcodes;
    }

    @Test
    void aClassWithNothingToAddOrRecordIsLeftAsItIs() {
        Recording.start(TraceOutput.NONE, false);
        ClassTransformer transformer = InstrumentingLoader.transformer(new RecordingOutput(), false, false);
        ClassLoader loader = getClass().getClassLoader();
        byte[] quiet = anInterface("dev/racelock/fixture/Quiet", false);
        assertSame(quiet, transformer.transform(loader, "dev/racelock/fixture/Quiet", quiet),
                "an interface (no id) whose default method records nothing");
        byte[] locking = anInterface("dev/racelock/fixture/Locking", true);
        assertNotSame(locking, transformer.transform(loader, "dev/racelock/fixture/Locking", locking),
                "a default method with a monitor is rewritten");
        byte[] irregular = irregular();
        assertNotSame(irregular, transformer.transform(loader, "dev/racelock/fixture/Irregular", irregular),
                "a class that carries the id is rewritten, though no method is touched");
    }

    /** An interface with one default method, which takes a monitor when {@code locks}. */
    private static byte[] anInterface(String name, boolean locks) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT, name, null,
                "java/lang/Object", null);
        MethodVisitor mv = writer.visitMethod(Opcodes.ACC_PUBLIC, "one", "()I", null, null);
        mv.visitCode();
        if (locks) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitInsn(Opcodes.MONITORENTER);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitInsn(Opcodes.MONITOREXIT);
        }
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void assertAgreesWithTree(byte[] bytes) {
        int untouched = 0;
        int touched = 0;
        for (boolean memory : new boolean[] {false, true}) {
            for (boolean stacks : new boolean[] {false, true}) {
                ClassReader reader = new ClassReader(bytes);
                ClassNode node = new ClassNode();
                reader.accept(node, 0);
                Set<String> expected = new HashSet<>();
                for (MethodNode method : node.methods) {
                    if (method.instructions.size() > 0) {
                        if (recordsByTree(method, memory, stacks)) {
                            touched++;
                        } else {
                            expected.add(method.name + method.desc);
                        }
                    }
                }
                untouched += expected.size();
                UntouchedCode.Methods walked = UntouchedCode.methods(reader, memory, stacks, RECORDED, NO_ENTRY);
                assertEquals(expected, walked.untouched(), node.name + " memory=" + memory + " stacks=" + stacks);
                assertEquals(expected.size() == node.methods.stream().filter(m -> m.instructions.size() > 0).count(),
                        walked.all());
            }
        }
        assertTrue(untouched > 0 && touched > 0, "both kinds of method are compared");
    }

    private static boolean recordsByTree(MethodNode method, boolean memory, boolean stacks) {
        for (AbstractInsnNode insn : method.instructions) {
            int op = insn.getOpcode();
            if (op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT) {
                return true;
            }
            if (memory && (insn instanceof FieldInsnNode || op >= Opcodes.IALOAD && op <= Opcodes.SALOAD
                    || op >= Opcodes.IASTORE && op <= Opcodes.SASTORE)) {
                return true;
            }
            if (stacks && (insn instanceof MethodInsnNode || insn instanceof InvokeDynamicInsnNode)) {
                return true;
            }
            if (insn instanceof MethodInsnNode call && RECORDED.test(op, call.owner, call.name, call.desc)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] jdkClass(String name) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
            return in.readAllBytes();
        }
    }

    /**
     * Version 49 (jsr and ret allowed, no frames): wide loads, stores and iinc over 300 locals, a
     * tableswitch and a lookupswitch at each alignment, a jsr subroutine, a call recorded last;
     * and {@code oversized}, which records nothing and declares a maximum stack of 40.
     */
    private static byte[] irregular() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC, "dev/racelock/fixture/Irregular", null, "java/lang/Object", null);
        for (int padding = 0; padding < 4; padding++) {
            MethodVisitor mv = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "switches" + padding, "(I)I",
                    null, null);
            mv.visitCode();
            for (int i = 0; i < padding; i++) {
                mv.visitInsn(Opcodes.NOP);
            }
            Label a = new Label();
            Label b = new Label();
            Label end = new Label();
            mv.visitVarInsn(Opcodes.ILOAD, 0);
            mv.visitTableSwitchInsn(3, 5, end, a, b, a);
            mv.visitLabel(a);
            mv.visitVarInsn(Opcodes.ILOAD, 0);
            mv.visitLookupSwitchInsn(end, new int[] {-7, 10, 1000}, new Label[] {b, end, b});
            mv.visitLabel(b);
            mv.visitIincInsn(0, 1);
            mv.visitLabel(end);
            mv.visitVarInsn(Opcodes.ILOAD, 0);
            mv.visitInsn(Opcodes.IRETURN);
            mv.visitMaxs(1, 1);
            mv.visitEnd();
        }
        MethodVisitor wide = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "wide", "()Ljava/lang/Object;",
                null, null);
        wide.visitCode();
        Label subroutine = new Label();
        Label after = new Label();
        wide.visitIntInsn(Opcodes.SIPUSH, 300);
        wide.visitVarInsn(Opcodes.ISTORE, 300);
        wide.visitIincInsn(300, 1000);
        wide.visitVarInsn(Opcodes.ILOAD, 300);
        wide.visitInsn(Opcodes.POP);
        wide.visitJumpInsn(Opcodes.JSR, subroutine);
        wide.visitJumpInsn(Opcodes.GOTO, after);
        wide.visitLabel(subroutine);
        wide.visitVarInsn(Opcodes.ASTORE, 299);
        wide.visitVarInsn(Opcodes.RET, 299);
        wide.visitLabel(after);
        wide.visitTypeInsn(Opcodes.NEW, "java/util/ArrayList");
        wide.visitInsn(Opcodes.DUP);
        wide.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/util/ArrayList", "<init>", "()V", false);
        wide.visitInsn(Opcodes.ARETURN);
        wide.visitMaxs(2, 301);
        wide.visitEnd();
        MethodVisitor oversized = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "oversized", "()I",
                null, null);
        oversized.visitCode();
        oversized.visitInsn(Opcodes.ICONST_1);
        oversized.visitInsn(Opcodes.IRETURN);
        oversized.visitMaxs(40, 0);
        oversized.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
