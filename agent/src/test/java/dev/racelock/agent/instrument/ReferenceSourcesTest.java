package dev.racelock.agent.instrument;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ReferenceSources} answers what ASM's {@link SourceInterpreter} answers for every
 * reference, which is all that {@link ReceiverFields} and {@link ConfinedReceivers} ask: at every
 * instruction of every method of JDK classes with many branches, each local and stack value that
 * ASM's {@link BasicInterpreter} types as a reference has the same set of source instructions.
 */
class ReferenceSourcesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"java/util/HashMap", "java/util/regex/Pattern", "java/util/Formatter",
        "java/util/concurrent/ConcurrentHashMap", "java/lang/Character"})
    void referencesHaveTheSourcesAsmsInterpreterGives(String className) throws IOException, AnalyzerException {
        ClassNode node = new ClassNode();
        try (InputStream in = ClassLoader.getSystemResourceAsStream(className + ".class")) {
            new ClassReader(in.readAllBytes()).accept(node, 0);
        }
        long compared = 0;
        long primitives = 0;
        for (MethodNode method : node.methods) {
            if (method.instructions.size() == 0) {
                continue;
            }
            Frame<SourceValue>[] asm = new Analyzer<>(new SourceInterpreter()).analyze(node.name, method);
            Frame<SourceValue>[] ours = new Analyzer<>(new ReferenceSources()).analyze(node.name, method);
            Frame<BasicValue>[] types = new Analyzer<>(new BasicInterpreter()).analyze(node.name, method);
            for (int i = 0; i < types.length; i++) {
                if (types[i] == null) {
                    continue; // unreachable
                }
                for (int v = 0; v < types[i].getLocals() + types[i].getStackSize(); v++) {
                    boolean local = v < types[i].getLocals();
                    int k = local ? v : v - types[i].getLocals();
                    BasicValue type = local ? types[i].getLocal(k) : types[i].getStack(k);
                    if (type == BasicValue.REFERENCE_VALUE) {
                        SourceValue expected = local ? asm[i].getLocal(k) : asm[i].getStack(k);
                        SourceValue actual = local ? ours[i].getLocal(k) : ours[i].getStack(k);
                        assertEquals(expected.insns, actual.insns, method.name + method.desc + " at " + i);
                        compared++;
                    } else if (type == BasicValue.INT_VALUE) {
                        primitives += (local ? ours[i].getLocal(k) : ours[i].getStack(k)).insns.isEmpty() ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(compared > 1000, "references compared: " + compared);
        assertTrue(primitives > 100, "ints that keep no sources: " + primitives);
    }
}
