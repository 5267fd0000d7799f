package dev.racelock.agent.instrument.library;

import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.agent.runtime.library.JdkMonitorHooks;
import dev.racelock.agent.runtime.library.JdkMonitors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The table of monitors the JDK takes resolves on the JDK the tests run on (17 and 25 in CI):
 * every class of it locks its receiver in some method, every locking-body row names a
 * method its class declares, and the methods the samples and docs name lock or do not lock as they say.
 */
@SuppressWarnings("deprecation") // Observable is deprecated (JDK 9), not removed
class JdkMonitorsTableTest {

    @TestFactory
    Stream<DynamicTest> everyClassLocksItsReceiverInSomeMethod() {
        return JdkMonitors.CLASSES.stream().map(type -> dynamicTest(type.getSimpleName(), () -> {
            assertEquals(null, type.getClassLoader(), type + " is a JDK class");
            boolean locks = Arrays.stream(type.getMethods()).anyMatch(m ->
                    JdkMonitors.locksReceiver(type, m.getName(), JdkMonitors.descriptorOf(m)));
            assertTrue(locks, type.getName() + " has no method that locks its receiver");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyLockingBodyRowNamesAMethodOfItsClass() {
        return JdkMonitors.LOCKING_BODIES.stream().map(row -> {
            Class<?> type = row.type();
            String name = row.method();
            return dynamicTest(type.getSimpleName() + "." + name, () -> assertTrue(
                    Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals(name)
                            && Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                            && !Modifier.isSynchronized(m.getModifiers())),
                    type.getName() + " declares no public, unsynchronized instance method " + name));
        });
    }

    @Test
    void methodsLockTheReceiverAsTheJdkDeclaresThem() {
        assertTrue(JdkMonitors.locksReceiver(java.util.Observable.class, "deleteObserver", "(Ljava/util/Observer;)V"));
        assertTrue(JdkMonitors.locksReceiver(java.util.Observable.class, "notifyObservers", "()V"));
        assertTrue(JdkMonitors.locksReceiver(java.util.Vector.class, "add", "(Ljava/lang/Object;)Z"));
        assertTrue(JdkMonitors.locksReceiver(java.util.Stack.class, "push", "(Ljava/lang/Object;)Ljava/lang/Object;"),
                "push calls the synchronized addElement");
        assertTrue(JdkMonitors.locksReceiver(java.util.Vector.class, "add", "(ILjava/lang/Object;)V"));
        assertTrue(JdkMonitors.locksReceiver(java.util.Stack.class, "add", "(Ljava/lang/Object;)Z"),
                "inherited from Vector");
        assertTrue(JdkMonitors.locksReceiver(java.util.Hashtable.class, "get", "(Ljava/lang/Object;)Ljava/lang/Object;"));
        assertTrue(JdkMonitors.locksReceiver(StringBuffer.class, "append", "(C)Ljava/lang/StringBuffer;"));
        assertTrue(JdkMonitors.locksReceiver(java.util.Properties.class, "setProperty",
                "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/Object;"));
        assertFalse(JdkMonitors.locksReceiver(java.util.Properties.class, "getProperty",
                "(Ljava/lang/String;)Ljava/lang/String;"), "Properties reads through a ConcurrentHashMap (JDK 9)");
        assertFalse(JdkMonitors.locksReceiver(java.util.Vector.class, "stream", "()Ljava/util/stream/Stream;"));
        assertFalse(JdkMonitors.locksReceiver(java.util.Vector.class, "add", "(I)Z"), "no such method");
        assertFalse(JdkMonitors.locksReceiver(java.util.Properties.class, "get",
                "(Ljava/lang/Object;)Ljava/lang/Object;"), "Properties.get overrides the synchronized Hashtable.get");
    }

    /** An application subclass overriding a generic method: its bridge is its override too. */
    static final class Names extends java.util.Vector<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean add(String name) {
            return super.add(name.trim());
        }
    }

    @Test
    void anApplicationOverrideLocksNothingWhateverTheDescriptorCalled() {
        assertFalse(JdkMonitors.lockingMethods(Names.class).contains("add(Ljava/lang/String;)Z"));
        assertFalse(JdkMonitors.lockingMethods(Names.class).contains("add(Ljava/lang/Object;)Z"),
                "Vector.add(Object) called on a Names runs the override, through its bridge");
        assertTrue(JdkMonitors.lockingMethods(Names.class).contains("get(I)Ljava/lang/Object;"), "inherited");
    }

    @Test
    void subclassesComeBeforeTheirSuperclasses() {
        for (int i = 0; i < JdkMonitors.CLASSES.size(); i++) {
            for (int j = i + 1; j < JdkMonitors.CLASSES.size(); j++) {
                assertFalse(JdkMonitors.CLASSES.get(i).isAssignableFrom(JdkMonitors.CLASSES.get(j)),
                        JdkMonitors.CLASSES.get(j) + " must come before " + JdkMonitors.CLASSES.get(i));
            }
        }
    }

    @Test
    void theHooksTheObserverEmitsExist() throws NoSuchMethodException {
        for (String hook : new String[] {"called", "calledExact"}) {
            Method m = JdkMonitorHooks.class.getMethod(hook, Object.class, String.class, int.class, int.class,
                    ThreadContext.class);
            assertTrue(Modifier.isStatic(m.getModifiers()), hook);
            assertEquals(void.class, m.getReturnType(), hook);
        }
    }
}
