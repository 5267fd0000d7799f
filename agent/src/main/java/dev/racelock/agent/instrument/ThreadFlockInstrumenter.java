package dev.racelock.agent.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

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
public final class ThreadFlockInstrumenter implements ClassFileTransformer {
    static final String FLOCK = "jdk/internal/misc/ThreadFlock";
    private static final String HOOKS = "dev/racelock/agent/runtime/ThreadHooks";
    private final PrintStream err;

    private ThreadFlockInstrumenter(PrintStream err) {
        this.err = err;
    }

    public static void install(Instrumentation instrumentation, PrintStream err) {
        try {
            instrumentation.addTransformer(new ThreadFlockInstrumenter(err), true);
            for (Class<?> c : instrumentation.getAllLoadedClasses()) {
                if (c.getName().equals("jdk.internal.misc.ThreadFlock")) {
                    instrumentation.retransformClasses(c);
                }
            }
        } catch (Exception | LinkageError e) {
            err.println("racelock: cannot instrument structured concurrency (" + e + "); subtasks are not"
                    + " ordered before join");
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader != null || !FLOCK.equals(className)) {
            return null;
        }
        try {
            return instrument(classfileBuffer);
        } catch (Throwable t) {
            err.println("racelock: cannot instrument structured concurrency (" + t + ")");
            return null;
        }
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
