package dev.racelock.agent.instrument.jdk;

import dev.racelock.agent.runtime.juc.InterruptHooks;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Retransforms {@code java.lang.Thread} (and {@code VirtualThread}, JDK 21+) and
 * {@code java.lang.InterruptedException} so that an interrupt is ordered before every point where
 * a thread determines that the interrupted thread was interrupted (JLS 17.4.4), whoever
 * interrupts or detects it: the program, or the JDK on its behalf ({@code shutdownNow} and
 * {@code cancel(true)} interrupt; every blocking method detects):
 * <ul>
 *   <li>{@code interrupt()}: first thing, the interrupted thread's token is released
 *       (InterruptHooks.interrupting);</li>
 *   <li>{@code isInterrupted()} (any thread), and the method that reads and clears the current
 *       thread's status ({@code getAndClearInterrupt()} from JDK 19, under
 *       {@code Thread.interrupted()}; on older JDKs {@code interrupted()} itself): before each
 *       return, a true result acquires it;</li>
 *   <li>each {@code InterruptedException} constructor, before it returns: the constructing
 *       thread acquires its own token. A blocking method that finds its thread interrupted
 *       clears the status and throws a new one, in Java code or from the JVM (sleep, wait,
 *       join), which constructs it with the same constructors.</li>
 * </ul>
 * Method bodies only, calls with no branch.
 */
final class InterruptRewrite extends JdkClassRewrite {
    private static final String HOOKS = Type.getInternalName(InterruptHooks.class);
    private static final String EXCEPTION = "java/lang/InterruptedException";

    InterruptRewrite() {
        super("an interrupt is not ordered before the interrupted thread's InterruptedException, isInterrupted()"
                + " or interrupted()", "java/lang/Thread", "java/lang/VirtualThread", EXCEPTION);
    }

    @Override
    byte[] rewrite(String internalName, byte[] original) {
        return internalName.equals(EXCEPTION) ? exception(original) : thread(original);
    }

    static byte[] exception(byte[] original) {
        return MethodBodyRewrite.apply(original, (name, descriptor, next) -> name.equals("<init>")
                ? resultHook(next, Opcodes.RETURN, false, "exceptionCreated", "()V") : next);
    }

    static byte[] thread(byte[] original) {
        boolean clearsInJava = declares(original, "getAndClearInterrupt", "()Z");
        // Thread.interrupted() is static (it hooks the current thread, no this)
        return MethodBodyRewrite.applyWithStatics(original, (name, descriptor, next) -> {
            if (name.equals("interrupt") && descriptor.equals("()V")) {
                return MethodBodyRewrite.atEntry(next, HOOKS, "interrupting");
            }
            if ((name.equals("isInterrupted") || name.equals("getAndClearInterrupt")) && descriptor.equals("()Z")) {
                return resultHook(next, Opcodes.IRETURN, true, "detected", "(ZLjava/lang/Object;)V");
            }
            if (name.equals("interrupted") && descriptor.equals("()Z") && !clearsInJava) {
                return resultHook(next, Opcodes.IRETURN, false, "detectedByCurrentThread", "(Z)V");
            }
            return next;
        });
    }

    /** Whether the class declares the method (a method of JDK 19+ is looked for, not assumed). */
    static boolean declares(byte[] classFile, String method, String descriptor) {
        boolean[] found = new boolean[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature,
                                             String[] exceptions) {
                found[0] |= name.equals(method) && desc.equals(descriptor);
                return null;
            }
        }, ClassReader.SKIP_CODE);
        return found[0];
    }

    /**
     * Before each {@code returnOpcode}: {@code hook(result)} or {@code hook(result, this)} for a
     * boolean result (duplicated, so the method still returns it), {@code hook()} for a void method.
     */
    private static MethodVisitor resultHook(MethodVisitor next, int returnOpcode, boolean withThis, String hook,
                                              String hookDescriptor) {
        return new MethodVisitor(Opcodes.ASM9, next) {
            @Override
            public void visitInsn(int opcode) {
                if (opcode == returnOpcode) {
                    if (opcode == Opcodes.IRETURN) {
                        super.visitInsn(Opcodes.DUP);
                    }
                    if (withThis) {
                        super.visitVarInsn(Opcodes.ALOAD, 0);
                    }
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook, hookDescriptor, false);
                }
                super.visitInsn(opcode);
            }
        };
    }
}
