package dev.racelock.agent.instrument;

import dev.racelock.agent.instrument.juc.JucCallSiteHooks;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every callback-registering method of CompletionStage is hooked, on the interface and on
 * CompletableFuture, and every hook names a public static runtime method of the right shape
 * (a missing one would be a NoSuchMethodError in the application).
 */
class CompletionStageHookTableTest {
    private static final CallSiteHooks TABLE = JucCallSiteHooks.addTo(new CallSiteHooks());
    private static final ClassHierarchy HIERARCHY = new ClassHierarchy();

    /** The CompletionStage methods that take a callback: all but toCompletableFuture. */
    private static List<Method> registeringMethods() {
        List<Method> methods = new ArrayList<>();
        for (Method m : CompletionStage.class.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && !m.getName().equals("toCompletableFuture")) {
                methods.add(m);
            }
        }
        return methods;
    }

    @Test
    void everyCallbackRegisteringMethodIsHookedOnTheInterfaceAndOnCompletableFuture() throws Exception {
        List<Method> methods = registeringMethods();
        assertEquals(42, methods.size(), "14 kinds in three forms each (JDK 12+)");
        for (Method m : methods) {
            String descriptor = Type.getMethodDescriptor(m);
            CallSiteHooks.Hook viaInterface = TABLE.find(Opcodes.INVOKEINTERFACE,
                    "java/util/concurrent/CompletionStage", m.getName(), descriptor, getClass().getClassLoader(),
                    HIERARCHY);
            assertNotNull(viaInterface, "CompletionStage." + m.getName() + descriptor);
            assertHookExists(viaInterface);
            Method onFuture = CompletableFuture.class.getMethod(m.getName(), m.getParameterTypes());
            CallSiteHooks.Hook direct = TABLE.find(Opcodes.INVOKEVIRTUAL, "java/util/concurrent/CompletableFuture",
                    m.getName(), Type.getMethodDescriptor(onFuture), getClass().getClassLoader(), HIERARCHY);
            assertNotNull(direct, "CompletableFuture." + m.getName() + Type.getMethodDescriptor(onFuture));
            assertHookExists(direct);
        }
    }

    @Test
    void getNowIsHookedAndTheTimeoutsAreLeftAlone() throws Exception {
        assertHookExists(TABLE.find(Opcodes.INVOKEVIRTUAL, "java/util/concurrent/CompletableFuture", "getNow",
                "(Ljava/lang/Object;)Ljava/lang/Object;", getClass().getClassLoader(), HIERARCHY));
        for (String name : List.of("orTimeout", "completeOnTimeout")) {
            for (Method m : CompletableFuture.class.getMethods()) {
                if (m.getName().equals(name)) {
                    assertEquals(null, TABLE.find(Opcodes.INVOKEVIRTUAL, "java/util/concurrent/CompletableFuture",
                            name, Type.getMethodDescriptor(m), getClass().getClassLoader(), HIERARCHY), name);
                }
            }
        }
    }

    @Test
    void resultNowAndExceptionNowAreHookedOnlyWhereTheJdkHasThem() throws Exception {
        String[][] methods = {{"resultNow", "()Ljava/lang/Object;"}, {"exceptionNow", "()Ljava/lang/Throwable;"}};
        for (String[] m : methods) {
            CallSiteHooks.Hook hook = TABLE.find(Opcodes.INVOKEVIRTUAL, "java/util/concurrent/CompletableFuture", m[0],
                    m[1], getClass().getClassLoader(), HIERARCHY);
            if (Runtime.version().feature() >= 19) {
                assertHookExists(hook);
            } else {
                assertEquals(null, hook, m[0] + " does not exist before JDK 19");
            }
        }
    }

    /** The hook's owner declares a public static method with exactly the hook's descriptor. */
    private static void assertHookExists(CallSiteHooks.Hook hook) throws Exception {
        assertNotNull(hook);
        Class<?> owner = Class.forName(hook.hookOwner().replace('/', '.'));
        Method found = null;
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(hook.hookName()) && Type.getMethodDescriptor(m).equals(hook.hookDescriptor())) {
                found = m;
            }
        }
        assertNotNull(found, hook.hookOwner() + "." + hook.hookName() + hook.hookDescriptor());
        assertTrue(Modifier.isStatic(found.getModifiers()), hook.hookName() + " is static");
    }
}
