package dev.racelock.agent.instrument.jdk;

import dev.racelock.agent.runtime.ThreadHooks;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;


/**
 * Rewrites {@code jdk.internal.misc.ThreadFlock} (JDK 21+), the thread container under every
 * {@code StructuredTaskScope} (a preview API on JDK 21-25, whose shape changed between
 * previews; the flock did not): {@code start(Thread)} records the fork as a thread start of this
 * flock ({@code ThreadHooks.flockStarting}); {@code awaitAll()} and {@code awaitAll(Duration)}
 * report, before returning, whether every thread of the flock has finished
 * ({@code ThreadHooks.flockAwaited}, which then joins them all), and {@code close()}, which
 * returns only when they have, does the same. So a subtask is ordered after its fork, and
 * {@code join()} (when no subtask was cancelled) and {@code close()} after every subtask.
 * Method bodies only, no branch added.
 */
final class ThreadFlockRewrite extends JdkClassRewrite {
    static final String FLOCK = "jdk/internal/misc/ThreadFlock";

    ThreadFlockRewrite() {
        super("subtasks of structured concurrency are not ordered before join", FLOCK);
    }
    private static final String HOOKS = Type.getInternalName(ThreadHooks.class);

    @Override
    byte[] rewrite(String internalName, byte[] original) {
        return instrument(original);
    }

    static byte[] instrument(byte[] original) {
        return MethodBodyRewrite.apply(original, (name, descriptor, next) -> {
            if (name.equals("start") && descriptor.equals("(Ljava/lang/Thread;)Ljava/lang/Thread;")) {
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitVarInsn(Opcodes.ALOAD, 0);
                        super.visitVarInsn(Opcodes.ALOAD, 1);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "flockStarting",
                                "(Ljava/lang/Object;Ljava/lang/Thread;)V", false);
                    }
                };
            }
            if (name.equals("awaitAll") && descriptor.endsWith(")Z")) {
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.IRETURN) {
                            super.visitInsn(Opcodes.DUP); // whether every thread has finished
                            super.visitVarInsn(Opcodes.ALOAD, 0);
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "flockAwaited",
                                    "(ZLjava/lang/Object;)V", false);
                        }
                        super.visitInsn(opcode);
                    }
                };
            }
            if (name.equals("close") && descriptor.equals("()V")) {
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.RETURN) {
                            super.visitInsn(Opcodes.ICONST_1); // close returns once every thread finished
                            super.visitVarInsn(Opcodes.ALOAD, 0);
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "flockAwaited",
                                    "(ZLjava/lang/Object;)V", false);
                        }
                        super.visitInsn(opcode);
                    }
                };
            }
            return next;
        });
    }
}
