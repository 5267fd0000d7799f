package dev.racelock.agent.instrument.jdk;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites method bodies of a JDK class for retransformation (which may change nothing else):
 * each method goes through {@link #visit}, which returns the visitor to use (or {@code next}).
 * The rewrites insert calls only, never branches, so the class's stack map frames stay valid and
 * only the maximum stack size is recomputed.
 */
interface MethodBodyRewrite {
    MethodVisitor visit(String name, String descriptor, MethodVisitor next);

    static byte[] apply(byte[] original, MethodBodyRewrite rewrite) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return rewrite.visit(name, descriptor,
                        super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    /** A visitor that calls {@code owner.hook(this)} first thing in the method. */
    static MethodVisitor atEntry(MethodVisitor next, String owner, String hook) {
        return new MethodVisitor(Opcodes.ASM9, next) {
            @Override
            public void visitCode() {
                super.visitCode();
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, owner, hook, "(Ljava/lang/Object;)V", false);
            }
        };
    }
}
