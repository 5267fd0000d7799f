package dev.racelock.agent.instrument;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Only the handlers after which a method may go on begin with Rt.caught: javac's handlers of a
 * synchronized block and of a finally, and a catch that wraps and throws, get none.
 */
class ResumingHandlersTest {
    private static final String SHAPES = "dev/racelock/fixture/HandlerShapes";
    private static final Map<String, Integer> RESUMING = Map.of(
            "synchronizedBlock", 0, "tryFinally", 0, "catchAndWrap", 0,
            "catchAndGoOn", 1, "catchAndReturn", 1, "catchAndRethrowSometimes", 1);

    @Test
    void onlyHandlersAfterWhichTheMethodGoesOnAreResuming() throws IOException {
        Map<String, Integer> found = new TreeMap<>();
        for (MethodNode method : read(original()).methods) {
            if (RESUMING.containsKey(method.name)) {
                assertEquals(1, method.tryCatchBlocks.stream()
                        .map(b -> b.handler).distinct().count(), method.name + ": handlers javac wrote");
                found.put(method.name, ResumingHandlers.of(method).size());
            }
        }
        assertEquals(new TreeMap<>(RESUMING), found);
    }

    @Test
    void instrumentedWithStacksOnlyResumingHandlersCallCaught() throws IOException {
        assertEquals(new TreeMap<>(RESUMING), caughtCalls(true));
    }

    @Test
    void withoutStacksNoHandlerCallsCaught() throws IOException {
        Map<String, Integer> none = new TreeMap<>();
        RESUMING.keySet().forEach(name -> none.put(name, 0));
        assertEquals(none, caughtCalls(false));
    }

    /** Per fixture method, how many Rt.caught calls its instrumented code makes. */
    private static Map<String, Integer> caughtCalls(boolean stacks) throws IOException {
        ClassTransformer transformer = InstrumentingLoader.transformer(new RecordingOutput(), true, stacks);
        byte[] instrumented = transformer.transform(ResumingHandlersTest.class.getClassLoader(), SHAPES, original());
        Map<String, Integer> calls = new TreeMap<>();
        for (MethodNode method : read(instrumented).methods) {
            if (RESUMING.containsKey(method.name)) {
                int count = 0;
                for (AbstractInsnNode insn : method.instructions) {
                    if (insn.getOpcode() == Opcodes.INVOKESTATIC && insn instanceof MethodInsnNode call
                            && call.name.equals("caught") && call.owner.endsWith("/Rt")) {
                        count++;
                    }
                }
                calls.put(method.name, count);
            }
        }
        return calls;
    }

    private static byte[] original() throws IOException {
        try (InputStream in = ResumingHandlersTest.class.getClassLoader().getResourceAsStream(SHAPES + ".class")) {
            return in.readAllBytes();
        }
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node;
    }
}
