package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.RecordingOutput.Event;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.TraceOutput;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Code another agent added before racelock saw the class is not recorded: here an agent that,
 * like JaCoCo but under names racelock does not know, adds a synthetic probe array field and its
 * synthetic initializer method, and updates the array at the start of {@code CoveredRace.step}.
 * The class file the loader serves has none of them, which is how they are told apart.
 */
class ForeignCodeTest {
    private static final String FIXTURE = "dev/racelock/fixture/CoveredRace";

    @Test
    void syntheticMembersTheClassFileLacksAndTheirArraysAreNotRecorded() throws Exception {
        RecordingOutput output = new RecordingOutput();
        Recording.start(output, false);
        try {
            ClassTransformer transformer = InstrumentingLoader.transformer(output, true, true);
            FixtureLoader loader = new FixtureLoader();
            byte[] probed = withProbes(loader.original(FIXTURE));
            Class<?> type = loader.define(FIXTURE, transformer.transform(loader, FIXTURE, probed));
            java.lang.reflect.Method work = type.getDeclaredMethod("work", int.class);
            work.setAccessible(true);
            work.invoke(null, 10);
            java.lang.reflect.Field probes = type.getDeclaredField("probes$");
            probes.setAccessible(true);
            assertEquals(10, ((int[]) probes.get(null))[0], "the other agent's code ran: 2 per step()");
        } finally {
            Recording.start(TraceOutput.NONE, false);
        }
        List<Event> events = output.events();
        assertTrue(events.stream().noneMatch(e -> e.kind().startsWith("array")), events.toString());
        assertTrue(output.fields.values().stream().noneMatch(f -> f.name().equals("probes$")));
        assertTrue(output.methods.values().stream().noneMatch(m -> m.name().equals("probes$init")));
        assertEquals(5, output.ofKind("write").stream().filter(e -> output.field(e).name().equals("hits")).count(),
                "the program's own accesses still are");
    }

    /**
     * Another agent's rewrite: {@code private static synthetic int[] probes$}, a synthetic
     * {@code probes$init()} that creates it (once), and at the start of {@code step()}:
     * {@code probes$init()[0] += 2} through a dup (no local, no branch, so no frame changes).
     */
    private static byte[] withProbes(byte[] original) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!name.equals("step")) {
                    return mv;
                }
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, FIXTURE, "probes$init", "()[I", false);
                        super.visitInsn(Opcodes.DUP);
                        super.visitInsn(Opcodes.ICONST_0);
                        super.visitInsn(Opcodes.DUP2);
                        super.visitInsn(Opcodes.IALOAD);
                        super.visitInsn(Opcodes.ICONST_2);
                        super.visitInsn(Opcodes.IADD);
                        super.visitInsn(Opcodes.IASTORE);
                        super.visitInsn(Opcodes.POP);
                    }
                };
            }

            @Override
            public void visitEnd() {
                int synthetic = Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
                super.visitField(synthetic, "probes$", "[I", null, null).visitEnd();
                MethodVisitor init = super.visitMethod(synthetic, "probes$init", "()[I", null, null);
                init.visitCode();
                org.objectweb.asm.Label created = new org.objectweb.asm.Label();
                init.visitFieldInsn(Opcodes.GETSTATIC, FIXTURE, "probes$", "[I");
                init.visitInsn(Opcodes.DUP);
                init.visitJumpInsn(Opcodes.IFNONNULL, created);
                init.visitInsn(Opcodes.POP);
                init.visitIntInsn(Opcodes.BIPUSH, 4);
                init.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
                init.visitInsn(Opcodes.DUP);
                init.visitFieldInsn(Opcodes.PUTSTATIC, FIXTURE, "probes$", "[I");
                init.visitLabel(created);
                init.visitFrame(Opcodes.F_NEW, 0, new Object[0], 1, new Object[] {"[I"});
                init.visitInsn(Opcodes.ARETURN);
                init.visitMaxs(0, 0);
                init.visitEnd();
                super.visitEnd();
            }
        }, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /** Serves the fixtures' class files as they are on disk; defines the rewritten fixture. */
    private static final class FixtureLoader extends ClassLoader {
        FixtureLoader() {
            super(ForeignCodeTest.class.getClassLoader());
        }

        byte[] original(String internalName) throws Exception {
            try (InputStream in = getResourceAsStream(internalName + ".class")) {
                return in.readAllBytes();
            }
        }

        Class<?> define(String internalName, byte[] bytes) {
            return defineClass(internalName.replace('/', '.'), bytes, 0, bytes.length);
        }
    }
}
