package dev.racelock.agent.instrument;

import dev.racelock.agent.runtime.ClassInitHooks;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Emits the class-initialization hand-off (see ClassInitHooks): the release before each return
 * of {@code <clinit>}, and before a getstatic/putstatic of an instrumented class, the use
 * check. The class named is the field's declaring class, the one the JVM initializes; a field
 * reached through a subclass or interface that does not declare it is skipped (naming the
 * declaring class there might not be accessible, and initializing the named one would run an
 * initializer the program does not run). Class numbers are dense per class name.
 */
final class ClassInitProbe {
    private static final String HOOKS = Type.getInternalName(ClassInitHooks.class);
    private static final ConcurrentHashMap<String, Integer> NUMBERS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private ClassInitProbe() {}

    static void initialized(MethodVisitor mv, String className, int site, int contextSlot) {
        mv.visitLdcInsn(Type.getObjectType(className));
        Emit.push(mv, site);
        mv.visitVarInsn(Opcodes.ALOAD, contextSlot);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "initialized",
                "(Ljava/lang/Class;I" + Emit.CONTEXT_DESC + ")V", false);
    }

    /** {@code contextSlot}: the local holding the context, or -1 to look it up here (Rt.context). */
    static void use(MethodVisitor mv, String declaringClass, int site, int contextSlot) {
        mv.visitLdcInsn(Type.getObjectType(declaringClass));
        Emit.push(mv, NUMBERS.computeIfAbsent(declaringClass, k -> NEXT.getAndIncrement()));
        Emit.push(mv, site);
        if (contextSlot < 0) {
            Emit.lookUpContext(mv);
        } else {
            mv.visitVarInsn(Opcodes.ALOAD, contextSlot);
        }
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "use",
                "(Ljava/lang/Class;II" + Emit.CONTEXT_DESC + ")V", false);
    }
}
