package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.RecordingOutput.Event;
import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.Rt;
import dev.racelock.agent.runtime.TraceOutput;
import dev.racelock.trace.LockFlags;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.CodeSizeEvaluator;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Class files of every version stay valid once instrumented: the class is written with ASM at
 * the version under test (as an old compiler would have written it: no stack map frames before
 * 50, a jsr/ret finally before 50), instrumented, defined, verified and run, and its events
 * checked. A static synchronized method locks its Class object, which a class file older than
 * 49 cannot load with ldc (JVMS 4.4.1).
 */
class OldClassFilesTest {
    private static final int COUNTER_LINE = 21;
    private static final int FINALLY_LINE = 22;
    private static final int CONSTRUCT_LINE = 31;
    private static final int BLOCK_LINE = 32;
    private static final int BLOCK_WRITE_LINE = 33;
    private static final int ARRAY_WRITE_LINE = 35;
    private static final int ARRAY_READ_LINE = 36;

    /** 45 is Java 1.1 (45.3), 48 Java 1.4, 49 Java 5, 50 Java 6; 0 stands for the running JDK's newest. */
    @ParameterizedTest(name = "class file version {0}")
    @ValueSource(ints = {45, 48, 49, 50, 0})
    void instrumentedClassOfThisVersionVerifiesRunsAndRecords(int major) throws Exception {
        int version = major == 0 ? 44 + Runtime.version().feature() : major == 45 ? Opcodes.V1_1 : major;
        String name = "dev/racelock/fixture/Version" + major;
        RecordingOutput output = new RecordingOutput();
        Recording.start(output, false);
        long classLock;
        try {
            ClassTransformer transformer = InstrumentingLoader.transformer(output, true, true);
            Class<?> type = new GeneratedClassLoader(transformer).define(name, generate(name, version));
            assertTrue(runLength(transformer.transform(null, name, generate(name, version))) > InliningPad.HOT_INLINE_LIMIT,
                    "run() grew long and was padded (InliningPad): the padding verifies too");
            assertEquals(6, type.getMethod("run").invoke(null));
            assertEquals(7, type.getMethod("run").invoke(null), "the second run takes the cached class");
            classLock = ObjectIds.of(type, -1, Rt.context());
            assertEquals(major != 0 && major < 49, Arrays.stream(type.getDeclaredFields())
                    .anyMatch(f -> f.getName().equals(ClassLiteral.CACHE_FIELD)), "cache only where ldc cannot");
        } finally {
            Recording.start(TraceOutput.NONE, false);
        }

        List<Event> classLocks = output.events().stream()
                .filter(e -> e.kind().startsWith("lock") && e.object() == classLock).toList();
        assertEquals(List.of("lockAcquire", "lockRelease", "lockAcquire", "lockRelease"),
                classLocks.stream().map(Event::kind).toList(), "bump() locks the class, twice");
        assertTrue(classLocks.stream().allMatch(e -> LockFlags.isMonitor(e.flags())
                && output.methodOf(e).equals("bump")));

        long blockLock = output.ofKind("lockRequest").stream().filter(e -> output.line(e) == BLOCK_LINE)
                .findFirst().orElseThrow().object();
        assertEquals(List.of("lockRequest", "lockAcquire", "lockRelease"), output.events().stream()
                .filter(e -> e.kind().startsWith("lock") && e.object() == blockLock).map(Event::kind).toList());
        assertTrue(blockLock != classLock && blockLock != 0);

        assertEquals(2, count(output, "read", "counter", COUNTER_LINE));
        assertEquals(2, count(output, "write", "counter", COUNTER_LINE));
        assertEquals(2, count(output, "write", "done", FINALLY_LINE), "the finally block (a jsr subroutine before 50)");
        Event blockWrite = only(output, "write", "value", BLOCK_WRITE_LINE);
        Event read = only(output, "read", "value", ARRAY_WRITE_LINE);
        assertEquals(blockWrite.object(), read.object());
        Event arrayWrite = output.ofKind("arrayWrite").stream().filter(e -> output.line(e) == ARRAY_WRITE_LINE)
                .findFirst().orElseThrow();
        Event arrayRead = output.ofKind("arrayRead").stream().filter(e -> output.line(e) == ARRAY_READ_LINE)
                .findFirst().orElseThrow();
        assertEquals(1, arrayWrite.slot());
        assertEquals(arrayWrite.object(), arrayRead.object());
        assertEquals("int[]", output.objects.get(arrayWrite.object()).className());
    }

    /** The length of run()'s bytecode in a class file (at its largest, as ASM would write it). */
    private static int runLength(byte[] classFile) {
        int[] length = new int[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return !name.equals("run") ? null : new CodeSizeEvaluator(null) {
                    @Override
                    public void visitEnd() {
                        length[0] = getMaxSize();
                    }
                };
            }
        }, 0);
        return length[0];
    }

    private static long count(RecordingOutput output, String kind, String field, int line) {
        return output.ofKind(kind).stream()
                .filter(e -> output.field(e).name().equals(field) && output.line(e) == line).count();
    }

    private static Event only(RecordingOutput output, String kind, String field, int line) {
        List<Event> found = output.ofKind(kind).stream()
                .filter(e -> output.field(e).name().equals(field) && output.line(e) == line).toList();
        assertEquals(2, found.size(), kind + " " + field + " at " + line + ": one per run");
        return found.get(0);
    }

    /**
     * <pre>
     * public class VersionN {
     *     static int counter;
     *     static int done;
     *     int value;
     *     static synchronized void bump() {
     *         try { counter = counter + 1; }        // line 21
     *         finally { done = 1; }                 // line 22, a jsr subroutine before version 50
     *     }
     *     public static int run() {
     *         bump();                               // line 30
     *         VersionN o = new VersionN();          // line 31
     *         synchronized (o) {                    // line 32
     *             o.value = 5;                      // line 33
     *         }
     *         int[] a = new int[3];                 // line 34
     *         a[1] = o.value;                       // line 35
     *         return a[1] + counter;                // line 36
     *     }
     * }
     * </pre>
     */
    static byte[] generate(String name, int version) {
        boolean frames = (version & 0xFFFF) >= Opcodes.V1_6;
        ClassWriter cw = new ClassWriter(frames ? ClassWriter.COMPUTE_FRAMES : ClassWriter.COMPUTE_MAXS);
        cw.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        cw.visitSource(name.substring(name.lastIndexOf('/') + 1) + ".java", null);
        cw.visitField(Opcodes.ACC_STATIC, "counter", "I", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_STATIC, "done", "I", null, null).visitEnd();
        cw.visitField(0, "value", "I", null, null).visitEnd();

        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        bump(cw, name, frames);
        run(cw, name);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void bump(ClassWriter cw, String name, boolean frames) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED, "bump", "()V", null, null);
        mv.visitCode();
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        mv.visitTryCatchBlock(start, end, handler, null);
        mv.visitLabel(start);
        mv.visitLineNumber(COUNTER_LINE, start);
        mv.visitFieldInsn(Opcodes.GETSTATIC, name, "counter", "I");
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IADD);
        mv.visitFieldInsn(Opcodes.PUTSTATIC, name, "counter", "I");
        mv.visitLabel(end);
        if (frames) { // javac 6 and later inline the finally block
            setDone(mv, name);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitLabel(handler);
            mv.visitVarInsn(Opcodes.ASTORE, 0);
            setDone(mv, name);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitInsn(Opcodes.ATHROW);
        } else { // javac 1.4 and older call it as a subroutine
            Label subroutine = new Label();
            mv.visitJumpInsn(Opcodes.JSR, subroutine);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitLabel(handler);
            mv.visitVarInsn(Opcodes.ASTORE, 0);
            mv.visitJumpInsn(Opcodes.JSR, subroutine);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitInsn(Opcodes.ATHROW);
            mv.visitLabel(subroutine);
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            setDone(mv, name);
            mv.visitVarInsn(Opcodes.RET, 1);
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void setDone(MethodVisitor mv, String name) {
        Label line = new Label();
        mv.visitLabel(line);
        mv.visitLineNumber(FINALLY_LINE, line);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitFieldInsn(Opcodes.PUTSTATIC, name, "done", "I");
    }

    private static void run(ClassWriter cw, String name) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()I", null, null);
        mv.visitCode();
        line(mv, 30);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, name, "bump", "()V", false);
        line(mv, CONSTRUCT_LINE);
        mv.visitTypeInsn(Opcodes.NEW, name);
        mv.visitInsn(Opcodes.DUP);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", "()V", false);
        mv.visitVarInsn(Opcodes.ASTORE, 0);
        line(mv, BLOCK_LINE);
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        Label after = new Label();
        mv.visitTryCatchBlock(start, end, handler, null);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.ASTORE, 1);
        mv.visitInsn(Opcodes.MONITORENTER);
        mv.visitLabel(start);
        line(mv, BLOCK_WRITE_LINE);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitInsn(Opcodes.ICONST_5);
        mv.visitFieldInsn(Opcodes.PUTFIELD, name, "value", "I");
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitInsn(Opcodes.MONITOREXIT);
        mv.visitLabel(end);
        mv.visitJumpInsn(Opcodes.GOTO, after);
        mv.visitLabel(handler);
        mv.visitVarInsn(Opcodes.ASTORE, 2);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitInsn(Opcodes.MONITOREXIT);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitInsn(Opcodes.ATHROW);
        mv.visitLabel(after);
        line(mv, 34);
        mv.visitInsn(Opcodes.ICONST_3);
        mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
        mv.visitVarInsn(Opcodes.ASTORE, 2);
        line(mv, ARRAY_WRITE_LINE);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, name, "value", "I");
        mv.visitInsn(Opcodes.IASTORE);
        line(mv, ARRAY_READ_LINE);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IALOAD);
        mv.visitFieldInsn(Opcodes.GETSTATIC, name, "counter", "I");
        mv.visitInsn(Opcodes.IADD);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void line(MethodVisitor mv, int line) {
        Label label = new Label();
        mv.visitLabel(label);
        mv.visitLineNumber(line, label);
    }

    /** Defines one generated class, instrumented; everything else comes from the test's loader. */
    private static final class GeneratedClassLoader extends ClassLoader {
        private final ClassTransformer transformer;

        GeneratedClassLoader(ClassTransformer transformer) {
            super(OldClassFilesTest.class.getClassLoader());
            this.transformer = transformer;
        }

        Class<?> define(String internalName, byte[] original) {
            byte[] instrumented = transformer.transform(this, internalName, original);
            Class<?> type = defineClass(internalName.replace('/', '.'), instrumented, 0, instrumented.length);
            resolveClass(type);
            return type;
        }
    }
}
