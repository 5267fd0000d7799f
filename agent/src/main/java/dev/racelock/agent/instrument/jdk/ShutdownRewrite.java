package dev.racelock.agent.instrument.jdk;

import dev.racelock.agent.runtime.ThreadHooks;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Retransforms {@code java.lang.Shutdown.shutdown()}, which the JVM calls (JNI DestroyJavaVM)
 * once the last non-daemon thread has ended, in a thread of its own, before it runs the
 * shutdown hooks: first thing, that thread joins every recorded thread that has ended
 * (ThreadHooks.lastThreadEnded), so the hook threads it starts next are ordered after what the
 * program did. {@code Runtime.exit} runs the hooks in the thread that called it (Shutdown.exit),
 * whose start of each hook thread is recorded already (ThreadRunRewrite): nothing to add there.
 */
final class ShutdownRewrite extends JdkClassRewrite {
    private static final String HOOKS = Type.getInternalName(ThreadHooks.class);

    ShutdownRewrite() {
        super("shutdown hooks run after the last thread ended are not ordered after what the program did",
                "java/lang/Shutdown");
    }

    @Override
    byte[] rewrite(String internalName, byte[] original) {
        return instrument(original);
    }

    static byte[] instrument(byte[] original) {
        return MethodBodyRewrite.applyWithStatics(original, (name, descriptor, next) -> !name.equals("shutdown")
                || !descriptor.equals("()V") ? next : new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "lastThreadEnded", "()V", false);
                    }
                });
    }
}
