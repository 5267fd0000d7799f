package dev.racelock.agent.instrument.juc;

import dev.racelock.agent.instrument.CallSiteHooks;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every row of the assembled call-site table resolves on the JDK the tests run on (17 and 25 in
 * CI): the JDK method it redirects exists on its owner (or a supertype), the receiver type the
 * hook takes accepts that owner, and the hook is a public static method with exactly the
 * descriptor the rewriter will call. A typo in a row fails here, not inside a user's program
 * as a NoSuchMethodError.
 */
class HookTableTest {
    private static final CallSiteHooks TABLE = JucCallSiteHooks.addTo(CallSiteHooks.core());

    /** Rows for JDK methods newer than 17: the feature release that has them. */
    private static final Map<String, Integer> SINCE = Map.of(
            "java/lang/Thread.startVirtualThread", 21,
            "java/lang/Thread$Builder.start", 21,
            "java/lang/Thread$Builder$OfVirtual.start", 21,
            "java/lang/Thread$Builder$OfPlatform.start", 21,
            "java/util/concurrent/ExecutorService.close", 19);

    @Test
    void everyCallSiteHookResolves() {
        List<String> broken = new ArrayList<>();
        for (CallSiteHooks.Hook hook : TABLE.hooks()) {
            String row = hook.owner() + "." + hook.name() + hook.descriptor() + " -> " + hook.hookOwner() + "."
                    + hook.hookName() + hook.hookDescriptor();
            Class<?> owner = jdkClass(hook.owner());
            if (owner == null || findMethod(owner, hook.name(), hook.descriptor()) == null) {
                if (!newerThanThisJdk(hook.owner() + "." + hook.name())) {
                    broken.add("target missing: " + row);
                }
                continue;
            }
            if (hook.receiver() != null && !jdkClass(hook.receiver()).isAssignableFrom(owner)) {
                broken.add("receiver " + hook.receiver() + " does not accept the owner: " + row);
            }
            if (!isPublicStatic(hook.hooks(), hook.hookName(), hook.hookDescriptor())) {
                broken.add("hook missing: " + row);
            }
        }
        assertEquals(List.of(), broken);
        assertFalse(TABLE.hooks().isEmpty());
    }

    @Test
    void everyArgumentFilterResolves() {
        List<String> broken = new ArrayList<>();
        for (CallSiteHooks.ArgumentFilter filter : TABLE.argumentFilters()) {
            if (findConstructor(jdkClass(filter.owner()), filter.descriptor()) == null
                    || !isPublicStatic(filter.hooks(), filter.hookName(), filter.hookDescriptor())) {
                broken.add(filter.toString());
            }
        }
        assertEquals(List.of(), broken);
        assertFalse(TABLE.argumentFilters().isEmpty());
    }

    @Test
    void everyBodyHookResolves() {
        List<String> broken = new ArrayList<>();
        for (CallSiteHooks.BodyHook hook : TABLE.bodyHooks()) {
            if (jdkClass(hook.ancestor()) == null || !isPublicStatic(hook.hooks(), hook.atStart(), hook.hookDescriptor())
                    || !isPublicStatic(hook.hooks(), hook.beforeReturn(), hook.hookDescriptor())) {
                broken.add(hook.toString());
            }
        }
        assertEquals(List.of(), broken);
        assertFalse(TABLE.bodyHooks().isEmpty());
    }

    private static boolean newerThanThisJdk(String method) {
        Integer since = SINCE.get(method);
        return since != null && Runtime.version().feature() < since;
    }

    private static Class<?> jdkClass(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static boolean isPublicStatic(Class<?> hooks, String name, String descriptor) {
        for (Method m : hooks.getDeclaredMethods()) {
            if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(descriptor)) {
                return Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                        && Modifier.isPublic(hooks.getModifiers());
            }
        }
        return false;
    }

    /** The method declared by {@code type} or any of its supertypes, or null. */
    private static Method findMethod(Class<?> type, String name, String descriptor) {
        if (type == null) {
            return null;
        }
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(descriptor)) {
                return m;
            }
        }
        Method found = findMethod(type.getSuperclass(), name, descriptor);
        for (Class<?> i : type.getInterfaces()) {
            found = found != null ? found : findMethod(i, name, descriptor);
        }
        return found == null && type.isInterface() ? findMethod(Object.class, name, descriptor) : found;
    }

    private static Constructor<?> findConstructor(Class<?> type, String descriptor) {
        for (Constructor<?> c : type == null ? new Constructor<?>[0] : type.getDeclaredConstructors()) {
            if (Type.getConstructorDescriptor(c).equals(descriptor)) {
                return c;
            }
        }
        return null;
    }
}
