package dev.racelock.agent.instrument.jdk;

import dev.racelock.agent.runtime.juc.SynchronizedWrapperHooks;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Retransforms the wrappers of {@code Collections.synchronizedCollection/Set/SortedSet/
 * NavigableSet/List/Map/SortedMap/NavigableMap} (and their views, which share the wrapper's
 * mutex), whose every method is a {@code synchronized (mutex)} block: each
 * {@code monitorenter} and {@code monitorexit} there is recorded as the program's own would be
 * (a request, an acquire after it, a release before the exit; SynchronizedWrapperHooks). Their
 * javadoc: "It is imperative that the user manually synchronize on the returned collection when
 * traversing it": the mutex is the wrapper itself, so the program's {@code synchronized (list)}
 * and the wrapper's methods take the same lock, with the same id. Method bodies only, calls with
 * no branch.
 */
final class SynchronizedWrapperRewrite extends JdkClassRewrite {
    private static final String HOOKS = Type.getInternalName(SynchronizedWrapperHooks.class);
    private static final String MONITOR = "(Ljava/lang/Object;)V";

    SynchronizedWrapperRewrite() {
        super("the lock of a Collections.synchronizedX wrapper is not recorded: its methods order nothing",
                "java/util/Collections$SynchronizedCollection", "java/util/Collections$SynchronizedSet",
                "java/util/Collections$SynchronizedSortedSet", "java/util/Collections$SynchronizedNavigableSet",
                "java/util/Collections$SynchronizedList", "java/util/Collections$SynchronizedRandomAccessList",
                "java/util/Collections$SynchronizedMap", "java/util/Collections$SynchronizedSortedMap",
                "java/util/Collections$SynchronizedNavigableMap");
    }

    @Override
    byte[] rewrite(String internalName, byte[] original) {
        return instrument(original);
    }

    static byte[] instrument(byte[] original) {
        return MethodBodyRewrite.apply(original, (name, descriptor, next) -> new MethodVisitor(Opcodes.ASM9, next) {
            @Override
            public void visitInsn(int opcode) {
                if (opcode == Opcodes.MONITORENTER) {
                    super.visitInsn(Opcodes.DUP);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "entering", MONITOR, false);
                    super.visitInsn(Opcodes.DUP);
                    super.visitInsn(Opcodes.MONITORENTER);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "entered", MONITOR, false);
                    return;
                }
                if (opcode == Opcodes.MONITOREXIT) {
                    super.visitInsn(Opcodes.DUP);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "exiting", MONITOR, false);
                }
                super.visitInsn(opcode);
            }
        });
    }
}
