package dev.racelock.agent.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.concurrent.ForkJoinTask;

/**
 * Retransforms {@code java.util.concurrent.ForkJoinTask} so that tasks created and run entirely
 * inside the JDK (parallel streams) carry the ForkJoinTask memory-consistency edges (its class
 * note: fork happens-before the task's execution, completion before join/invoke return):
 * {@code fork()} entry releases the task's token, {@code doExec()} acquires it at entry and
 * releases it (and a CountedCompleter's root token) before returning, {@code join()} and
 * {@code invoke()} acquire it before returning normally (ForkJoinHooks). Method bodies only, no
 * branch added. docs/juc.md, "Parallel streams".
 */
public final class ForkJoinTaskInstrumenter implements ClassFileTransformer {
    private static final String TASK = "java/util/concurrent/ForkJoinTask";
    private static final String HOOKS = "dev/racelock/agent/runtime/ForkJoinHooks";
    private static final String OBJECT_ARG = "(Ljava/lang/Object;)V";
    private final PrintStream err;

    private ForkJoinTaskInstrumenter(PrintStream err) {
        this.err = err;
    }

    public static void install(Instrumentation instrumentation, PrintStream err) {
        try {
            instrumentation.addTransformer(new ForkJoinTaskInstrumenter(err), true);
            instrumentation.retransformClasses(ForkJoinTask.class);
        } catch (Exception | LinkageError e) {
            err.println("racelock: cannot instrument java.util.concurrent.ForkJoinTask (" + e + "); parallel"
                    + " streams are not ordered");
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (!TASK.equals(className) || classBeingRedefined == null) {
            return null;
        }
        try {
            return instrument(classfileBuffer);
        } catch (Throwable t) {
            err.println("racelock: cannot instrument java.util.concurrent.ForkJoinTask (" + t + ")");
            return null;
        }
    }

    static byte[] instrument(byte[] original) {
        return TaskIdentityInstrumenter.rewrite(original, (name, descriptor, next) -> {
            boolean doExec = name.equals("doExec") && descriptor.startsWith("()");
            boolean fork = name.equals("fork") && descriptor.startsWith("()");
            boolean awaits = (name.equals("join") || name.equals("invoke")) && descriptor.equals("()Ljava/lang/Object;");
            if (!doExec && !fork && !awaits) {
                return next;
            }
            return new MethodVisitor(Opcodes.ASM9, next) {
                @Override
                public void visitCode() {
                    super.visitCode();
                    if (doExec || fork) {
                        call(fork ? "forking" : "running");
                    }
                }

                @Override
                public void visitInsn(int opcode) {
                    if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN && (doExec || awaits)) {
                        call(doExec ? "ran" : "awaited");
                    }
                    super.visitInsn(opcode);
                }

                private void call(String hook) {
                    super.visitVarInsn(Opcodes.ALOAD, 0);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook, OBJECT_ARG, false);
                }
            };
        });
    }
}
