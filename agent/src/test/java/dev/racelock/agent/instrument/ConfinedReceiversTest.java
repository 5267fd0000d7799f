package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.juc.JucCallSiteHooks;
import dev.racelock.agent.instrument.library.LibraryCallSiteHooks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Observable;
import java.util.Vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Which receivers of calls on the model's JDK classes are objects the method made and keeps to
 * itself (ConfinedReceivers): one method of {@link Shapes} per way an object stays in or gets
 * out, as javac compiles it; every call on a {@code StringBuffer}, {@code Vector} or
 * {@code Observable} in the method must be judged alike.
 */
class ConfinedReceiversTest {

    /** The methods to judge: what javac makes of each shape. */
    @SuppressWarnings({"deprecation", "unused"}) // Observable; the methods are read, not called
    static final class Shapes {
        static Object field;
        Object instanceField;

        static String appended(String a, String b) {
            StringBuffer sb = new StringBuffer();
            sb.append(a);
            sb.append(b);
            return sb.toString();
        }

        static String chained(String a) {
            return new StringBuffer().append(a).append(1).toString();
        }

        static int inALoop(int n) {
            StringBuffer sb = new StringBuffer();
            for (int i = 0; i < n; i++) {
                sb.append(i);
            }
            return sb.length();
        }

        static String reassignedInALoop(int n) {
            StringBuffer sb = new StringBuffer();
            for (int i = 0; i < n; i++) {
                sb = sb.append(i); // append returns the object itself
            }
            return sb.toString();
        }

        static String itsStringGoesOut() {
            StringBuffer sb = new StringBuffer();
            sb.append(1);
            String s = sb.toString();
            field = s;
            return s;
        }

        static int lockedByTheMethod() {
            Vector<Integer> v = new Vector<>();
            synchronized (v) {
                v.add(1);
            }
            return v.size();
        }

        static StringBuffer returned() {
            StringBuffer sb = new StringBuffer();
            sb.append(1);
            return sb;
        }

        static void storedInAStatic() {
            StringBuffer sb = new StringBuffer();
            field = sb;
            sb.append(1);
        }

        void storedInAField() {
            Vector<Integer> v = new Vector<>();
            v.add(1);
            instanceField = v;
        }

        static void passedOn() {
            Vector<Integer> v = new Vector<>();
            v.add(1);
            consume(v);
        }

        static void passedToAnother() {
            Vector<Integer> v = new Vector<>();
            Vector<Object> other = new Vector<>();
            v.add(1);
            other.add(v); // the other is its own, but one may not keep what it is given
            consume(other);
        }

        static Enumeration<Integer> aViewGoesOut() {
            Vector<Integer> v = new Vector<>();
            v.add(1);
            return v.elements();
        }

        static void aParameter(Vector<Integer> v) {
            v.add(1);
        }

        static void eitherFreshOrAParameter(boolean fresh, Vector<Integer> p) {
            Vector<Integer> v = fresh ? new Vector<>() : p;
            v.add(1);
        }

        static int capturedByALambda() {
            Vector<Integer> v = new Vector<>();
            v.add(1);
            Runnable r = () -> v.size();
            r.run();
            return v.size();
        }

        static void storedInAnArray() {
            Object[] a = new Object[1];
            Vector<Integer> v = new Vector<>();
            a[0] = v;
            v.add(1);
            consume(a);
        }

        static void passedToAStaticMethod() {
            StringBuffer sb = new StringBuffer();
            sb.append(1);
            throw new IllegalStateException(String.valueOf(sb));
        }

        static void anObservable() {
            Observable o = new Observable(); // notifyObservers hands it to its observers
            o.deleteObservers();
        }

        static void consume(Object o) {}
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "appended, true", "chained, true", "inALoop, true", "reassignedInALoop, true", "itsStringGoesOut, true", "lockedByTheMethod, true",
        "returned, false", "storedInAStatic, false", "storedInAField, false", "passedOn, false",
        "passedToAnother, false", "aViewGoesOut, false", "aParameter, false", "eitherFreshOrAParameter, false",
        "capturedByALambda, false", "storedInAnArray, false", "passedToAStaticMethod, false", "anObservable, false",
    })
    void everyCallOnTheObjectIsJudgedAlike(String method, boolean confined) throws Exception {
        MethodNode node = method(method);
        List<MethodInsnNode> calls = new ArrayList<>();
        for (AbstractInsnNode insn : node.instructions) {
            if (insn instanceof MethodInsnNode call && call.getOpcode() != Opcodes.INVOKESTATIC
                    && !call.name.equals("<init>") && (call.owner.equals("java/lang/StringBuffer")
                    || call.owner.equals("java/util/Vector") || call.owner.equals("java/util/Observable"))) {
                calls.add(call);
            }
        }
        assertFalse(calls.isEmpty(), method);
        Frame<SourceValue>[] frames = new Analyzer<>(new SourceInterpreter())
                .analyze(Type.SHAPES, node);
        boolean[] judged = ConfinedReceivers.of(node.instructions, frames, calls, KEPT);
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(confined, judged[i], method + ": call " + i + " (" + calls.get(i).name + ")");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "java/lang/StringBuffer, true", "java/util/Vector, true", "java/util/Hashtable, true", "java/util/HashMap, true",
        "java/lang/StringBuilder, true", "java/text/SimpleDateFormat, true", "java/text/DecimalFormat, true",
        "java/util/Observable, false", "java/util/concurrent/ConcurrentHashMap, false", "com/acme/Registry, false",
    })
    void theModelsObserversNameTheClassesWhoseInstancesKeepToThemselves(String type, boolean kept) {
        assertEquals(kept, TABLE.keepsInstancesToThemselves(type));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"appended", "returned"})
    void withoutTheAnalysisNothingIsConfined(String method) throws Exception {
        MethodNode node = method(method);
        List<MethodInsnNode> calls = new ArrayList<>();
        for (AbstractInsnNode insn : node.instructions) {
            if (insn instanceof MethodInsnNode call && call.owner.equals("java/lang/StringBuffer")
                    && !call.name.equals("<init>")) {
                calls.add(call);
            }
        }
        for (boolean judged : ConfinedReceivers.of(node.instructions, null, calls, KEPT)) {
            assertFalse(judged);
        }
    }

    /** The whole table's observers decide which classes' fresh instances are followed (not Observable's). */
    private static final CallSiteHooks TABLE =
            LibraryCallSiteHooks.addTo(JucCallSiteHooks.addTo(CallSiteHooks.core()));
    private static final java.util.function.Predicate<String> KEPT = TABLE::keepsInstancesToThemselves;

    /** Internal names. */
    private static final class Type {
        static final String SHAPES = org.objectweb.asm.Type.getInternalName(Shapes.class);
    }

    private static MethodNode method(String name) throws IOException {
        ClassNode shapes = new ClassNode();
        try (InputStream in = Shapes.class.getResourceAsStream("ConfinedReceiversTest$Shapes.class")) {
            new ClassReader(in).accept(shapes, ClassReader.SKIP_FRAMES);
        }
        return shapes.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }
}
