package dev.racelock.agent.instrument.jdk;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites method bodies of a JDK class for retransformation (which may change nothing else):
 * each instance method goes through {@link #visit}, which returns the visitor to use (or
 * {@code next}); static methods are left alone, since most hooks are handed {@code this}
 * ({@link #applyWithStatics} passes them too, for hooks that take none). The
 * rewrites insert calls only, never branches, so the class's stack map frames stay valid and
 * only the maximum stack size is recomputed.
 */
interface MethodBodyRewrite {
    MethodVisitor visit(String name, String descriptor, MethodVisitor next);

    static byte[] apply(byte[] original, MethodBodyRewrite rewrite) {
        return apply(original, 0, rewrite);
    }

    /**
     * @param parsingOptions {@link ClassReader#accept}'s: a rewrite that adds an exception handler
     *                       reads with {@link ClassReader#EXPAND_FRAMES}, so that the frame it
     *                       writes for its handler has the form of every other frame (JVMS 4.7.4)
     */
    static byte[] apply(byte[] original, int parsingOptions, MethodBodyRewrite rewrite) {
        return rewrite(original, parsingOptions, false, rewrite);
    }

    /** As {@link #apply(byte[], MethodBodyRewrite)}, static methods included. */
    static byte[] applyWithStatics(byte[] original, MethodBodyRewrite rewrite) {
        return rewrite(original, 0, true, rewrite);
    }

    private static byte[] rewrite(byte[] original, int parsingOptions, boolean statics, MethodBodyRewrite rewrite) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                return !statics && (access & Opcodes.ACC_STATIC) != 0 ? next : rewrite.visit(name, descriptor, next);
            }
        }, parsingOptions);
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

    /**
     * A visitor that calls {@code owner.hook(this, first argument)} before each return of a void
     * method: in a constructor, once the object is built.
     */
    static MethodVisitor beforeReturn(MethodVisitor next, String owner, String hook) {
        return new MethodVisitor(Opcodes.ASM9, next) {
            @Override
            public void visitInsn(int opcode) {
                if (opcode == Opcodes.RETURN) {
                    super.visitVarInsn(Opcodes.ALOAD, 0);
                    super.visitVarInsn(Opcodes.ALOAD, 1);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, owner, hook,
                            "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
                }
                super.visitInsn(opcode);
            }
        };
    }
}
