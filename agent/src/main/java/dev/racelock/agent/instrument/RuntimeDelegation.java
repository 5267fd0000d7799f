package dev.racelock.agent.instrument;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.nio.charset.StandardCharsets;

/**
 * Makes every class loader answer the agent's runtime classes from the bootstrap loader.
 *
 * <p>Instrumented code names {@code dev.racelock.agent.runtime} types (the hooks it calls, the
 * {@code ThreadContext} it passes, the {@code Identified} interface of the topmost instrumented
 * class). The JVM resolves each such name through the defining loader of the instrumented class,
 * by calling its {@code loadClass(String)} (JVMS 5.3.2). A loader that does not delegate those
 * names to its parent (a child-first or web-application loader that delegates only
 * {@code java.*}, say) cannot find them and the class fails to link. So the entry of every
 * {@code loadClass(String)} and {@code loadClass(String, boolean)} returning {@code Class} that an
 * application class declares (whether or not the class is instrumented: an excluded loader can
 * define included classes) first answers {@code dev.racelock.agent.*} names with
 * {@code Class.forName(name, false, null)}, the bootstrap loader's class, where the agent jar
 * lives. Other agents do the same for their runtime (OpenTelemetry's java agent). A class that
 * declares such a method without being a loader gets the same guard, which changes nothing for
 * any other name: no superclass has to be read to decide.
 */
public final class RuntimeDelegation extends ClassVisitor {
    /** The names the bootstrap loader answers for every loader. */
    static final String PREFIX = "dev.racelock.agent.";
    private static final byte[] METHOD_NAME = "loadClass".getBytes(StandardCharsets.UTF_8);

    private String owner;
    private boolean hasFrames;
    private boolean guarded;

    RuntimeDelegation(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    /**
     * The class with its loadClass methods guarded, or null if it declares none: for classes
     * that are not instrumented. A class file without the name {@code loadClass} in its
     * constant pool is answered without parsing it.
     */
    public static byte[] rewrite(byte[] original) {
        if (!mentionsLoadClass(original)) {
            return null;
        }
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        RuntimeDelegation delegation = new RuntimeDelegation(writer);
        reader.accept(delegation, ClassReader.EXPAND_FRAMES);
        return delegation.guarded ? writer.toByteArray() : null;
    }

    static boolean mentionsLoadClass(byte[] classFile) {
        outer:
        for (int i = 0; i <= classFile.length - METHOD_NAME.length; i++) {
            for (int j = 0; j < METHOD_NAME.length; j++) {
                if (classFile[i + j] != METHOD_NAME[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        owner = name;
        hasFrames = (version & 0xFFFF) >= Opcodes.V1_6;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        boolean loadClass = name.equals("loadClass") && (descriptor.equals("(Ljava/lang/String;)Ljava/lang/Class;")
                || descriptor.equals("(Ljava/lang/String;Z)Ljava/lang/Class;"));
        if (!loadClass || next == null || (access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return next;
        }
        guarded = true;
        boolean withResolve = descriptor.indexOf('Z') > 0;
        return new MethodVisitor(Opcodes.ASM9, next) {
            @Override
            public void visitCode() {
                super.visitCode();
                Label other = new Label();
                mv.visitVarInsn(Opcodes.ALOAD, 1);
                mv.visitJumpInsn(Opcodes.IFNULL, other);
                mv.visitVarInsn(Opcodes.ALOAD, 1);
                mv.visitLdcInsn(PREFIX);
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "startsWith", "(Ljava/lang/String;)Z",
                        false);
                mv.visitJumpInsn(Opcodes.IFEQ, other);
                mv.visitVarInsn(Opcodes.ALOAD, 1);
                mv.visitInsn(Opcodes.ICONST_0);
                mv.visitInsn(Opcodes.ACONST_NULL);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Class", "forName",
                        "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;", false);
                mv.visitInsn(Opcodes.ARETURN);
                mv.visitLabel(other);
                if (hasFrames) {
                    Object[] locals = withResolve ? new Object[] {owner, "java/lang/String", Opcodes.INTEGER}
                            : new Object[] {owner, "java/lang/String"};
                    mv.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
                }
                // the method's own code may begin with a frame (a loop back to its start): keep the two apart
                mv.visitInsn(Opcodes.NOP);
            }
        };
    }
}
