package dev.racelock.agent.instrument;

import dev.racelock.agent.runtime.Rt;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The {@link Rt} hooks each method of an instrumented fixture class calls, by method name. */
final class RtCalls {
    private RtCalls() {}

    static Map<String, Set<String>> byMethod(ClassTransformer transformer, String internalName) throws IOException {
        byte[] original;
        try (InputStream in = RtCalls.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            original = in.readAllBytes();
        }
        byte[] instrumented = transformer.transform(RtCalls.class.getClassLoader(), internalName, original);
        Map<String, Set<String>> hooks = new HashMap<>();
        String rt = Type.getInternalName(Rt.class);
        new ClassReader(instrumented).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                Set<String> called = hooks.computeIfAbsent(name, n -> new TreeSet<>());
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String hook, String desc, boolean itf) {
                        if (owner.equals(rt)) {
                            called.add(hook);
                        }
                    }
                };
            }
        }, 0);
        return hooks;
    }
}
