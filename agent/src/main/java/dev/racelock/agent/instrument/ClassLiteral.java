package dev.racelock.agent.instrument;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Pushes the {@code Class} object of the class being rewritten: the lock of its static
 * synchronized methods (JLS 8.4.3.6). From class-file version 49 on, {@code ldc} loads it
 * (a CONSTANT_Class operand of ldc is legal only from 49, JVMS 4.4.1 and 6.5 ldc). An older
 * class file gets a private static synthetic field caching {@code Class.forName} of its own
 * name, filled on first use: the code javac emitted for {@code X.class} before Java 5. From the
 * class's own code, forName finds the class among those its loader defined, without calling
 * {@code loadClass}, and the class is initialized (or being initialized by this very thread,
 * JLS 12.4.2) since one of its static methods runs. Two threads filling the cache race
 * harmlessly: both store the same object. Such class files have no stack map frames (they
 * predate version 50), so the branch needs none.
 */
final class ClassLiteral {
    /** The cache field of a class file older than 49. */
    static final String CACHE_FIELD = "$racelock$class";

    private final String owner;
    private final boolean ldcAllowed;
    private boolean cacheUsed;

    ClassLiteral(String owner, int classFileVersion) {
        this.owner = owner;
        this.ldcAllowed = (classFileVersion & 0xFFFF) >= Opcodes.V1_5;
    }

    /** Emits the code that pushes the class object. */
    void push(MethodVisitor mv) {
        if (ldcAllowed) {
            mv.visitLdcInsn(Type.getObjectType(owner));
            return;
        }
        cacheUsed = true;
        Label cached = new Label();
        mv.visitFieldInsn(Opcodes.GETSTATIC, owner, CACHE_FIELD, "Ljava/lang/Class;");
        mv.visitInsn(Opcodes.DUP);
        mv.visitJumpInsn(Opcodes.IFNONNULL, cached);
        mv.visitInsn(Opcodes.POP);
        mv.visitLdcInsn(owner.replace('/', '.'));
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Class", "forName",
                "(Ljava/lang/String;)Ljava/lang/Class;", false);
        mv.visitInsn(Opcodes.DUP);
        mv.visitFieldInsn(Opcodes.PUTSTATIC, owner, CACHE_FIELD, "Ljava/lang/Class;");
        mv.visitLabel(cached);
    }

    /** True if a class literal of another class may be pushed with ldc (class-initialization probes). */
    boolean ldcAllowed() {
        return ldcAllowed;
    }

    /** Declares the cache field if any method used it; call once all methods are written. */
    void declareCache(org.objectweb.asm.ClassVisitor cv) {
        if (cacheUsed) {
            cv.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, CACHE_FIELD,
                    "Ljava/lang/Class;", null, null).visitEnd();
        }
    }
}
