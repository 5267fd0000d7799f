package dev.racelock.agent.runtime.library;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Observable;
import java.util.Properties;
import java.util.Set;
import java.util.Stack;
import java.util.Vector;

/**
 * The one table of monitors the JDK takes on objects the application shares
 * (docs/library-model.md, "Monitors the JDK takes"): the classes whose {@code synchronized}
 * methods lock the receiver ({@code Vector.add} locks the vector), found by reflection on the
 * running JDK, and the methods that lock it in their body instead. A
 * call of one of them from recorded code is a lock-order fact: the thread took the receiver's
 * monitor while holding what it held (DERBY-5447: a cycle with one edge inside
 * {@code Observable.deleteObserver}).
 *
 * <p>{@code PrintStream} is not in the table: since JDK 21 a {@code PrintStream} of that exact
 * class locks an internal {@code ReentrantLock}, not its monitor, so recording its monitor would
 * invent cycles with code that synchronizes on {@code System.out}.
 */
@SuppressWarnings("deprecation") // Observable is deprecated (JDK 9), not removed: programs still use it
public final class JdkMonitors {

    /**
     * Classes whose synchronized methods lock the receiver, each JDK subclass before its
     * superclass (Stack before Vector, Properties before Hashtable).
     */
    public static final List<Class<?>> CLASSES = List.of(Observable.class, Stack.class, Vector.class,
            Properties.class, java.util.Hashtable.class, StringBuffer.class);

    /**
     * A method that is not {@code synchronized} but locks its receiver in its body: in a
     * {@code synchronized (this)} block, or by calling a synchronized method of it. Every
     * overload of the name not declared synchronized does so.
     */
    public record LockingBody(Class<?> type, String method) {}

    /** The methods of {@link LockingBody}. */
    public static final List<LockingBody> LOCKING_BODIES = List.of(
            // notifyObservers(Object): synchronized (this) { if (!changed) return; ... clearChanged(); },
            // then calls the observers outside the block; notifyObservers() calls it
            new LockingBody(Observable.class, "notifyObservers"),
            new LockingBody(Stack.class, "push"), // addElement
            new LockingBody(Vector.class, "add"), // add(int, E): insertElementAt
            new LockingBody(Vector.class, "remove"), // remove(Object): removeElement
            new LockingBody(Vector.class, "contains"), // indexOf(o, 0)
            new LockingBody(Vector.class, "indexOf"), // indexOf(o): indexOf(o, 0)
            new LockingBody(java.util.Hashtable.class, "containsValue")); // contains(value)

    private JdkMonitors() {}

    /**
     * True if calling {@code name descriptor} on an instance of {@code type} (one of
     * {@link #CLASSES}) takes the receiver's monitor; see {@link #lockingMethods}.
     */
    public static boolean locksReceiver(Class<?> type, String name, String descriptor) {
        return lockingMethods(type).contains(name + descriptor);
    }

    /**
     * The methods ("name descriptor") that take the receiver's monitor when called on an instance
     * of exactly {@code type}: those whose most specific declaration, walking up from
     * {@code type}, is in a JDK class and is {@code synchronized} or a {@link #LOCKING_BODIES}
     * method. An override in an application class is the application's code (recorded as such),
     * and a JDK override that does not lock ({@code Properties.get}, over the synchronized
     * {@code Hashtable.get}) does not lock. Reflection: computed once per class by the callers.
     */
    public static Set<String> lockingMethods(Class<?> type) {
        Set<String> declared = new HashSet<>();
        Set<String> locking = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            boolean jdk = c.getClassLoader() == null;
            for (Method m : c.getDeclaredMethods()) {
                int modifiers = m.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers) || (jdk && m.isBridge())) {
                    continue; // an application's bridge (an override of a generic method) is its override
                }
                String key = m.getName() + descriptorOf(m);
                if (declared.add(key) && jdk && (Modifier.isSynchronized(modifiers) || locksInBody(c, m.getName()))) {
                    locking.add(key);
                }
            }
        }
        return locking;
    }

    /** True if {@code type} is a class of the table or extends one (an application's {@code Observable}). */
    public static boolean extendsTableClass(Class<?> type) {
        for (Class<?> c : CLASSES) {
            if (c.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A JDK supertype of a class of the table that a call may name ({@code List}, {@code Map},
     * {@code AbstractList}, {@code CharSequence} ...; never {@code Object}, nor a class of the
     * table), by internal name ({@code java/util/List}), or null.
     */
    public static Class<?> supertypeNamed(String internalName) {
        return Supertypes.BY_NAME.get(internalName);
    }

    /**
     * True if a call of {@code name descriptor} whose static type is {@code supertype} (see
     * {@link #supertypeNamed}) may take the receiver's monitor: the method locks the receiver on
     * some class of the table that extends {@code supertype} ({@code List.add} on a
     * {@code Vector}). Which receiver it is, and whether its class overrides the method, is
     * known at run time only.
     */
    public static boolean mayLockThrough(Class<?> supertype, String name, String descriptor) {
        for (Map.Entry<Class<?>, Set<String>> table : Supertypes.LOCKING.entrySet()) {
            if (supertype.isAssignableFrom(table.getKey()) && table.getValue().contains(name + descriptor)) {
                return true;
            }
        }
        return false;
    }

    /** Computed once, when a call through a supertype is first looked at (instrumentation time). */
    private static final class Supertypes {
        static final Map<String, Class<?>> BY_NAME = new HashMap<>();
        static final Map<Class<?>, Set<String>> LOCKING = new HashMap<>();

        static {
            for (Class<?> type : CLASSES) {
                LOCKING.put(type, lockingMethods(type));
                addSupertypes(type);
            }
            BY_NAME.remove("java/lang/Object");
            CLASSES.forEach(c -> BY_NAME.remove(c.getName().replace('.', '/')));
        }

        private static void addSupertypes(Class<?> type) {
            if (type != null && BY_NAME.putIfAbsent(type.getName().replace('.', '/'), type) == null) {
                addSupertypes(type.getSuperclass());
                for (Class<?> i : type.getInterfaces()) {
                    addSupertypes(i);
                }
            }
        }
    }

    private static boolean locksInBody(Class<?> declaring, String name) {
        for (LockingBody block : LOCKING_BODIES) {
            if (block.type() == declaring && block.method().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The JVM descriptor of {@code m}, e.g. {@code (Ljava/lang/Object;)Z}. */
    public static String descriptorOf(Method m) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            sb.append(descriptorOf(p));
        }
        return sb.append(')').append(descriptorOf(m.getReturnType())).toString();
    }

    private static String descriptorOf(Class<?> c) {
        if (c.isArray()) {
            return c.getName().replace('.', '/');
        }
        if (!c.isPrimitive()) {
            return "L" + c.getName().replace('.', '/') + ";";
        }
        return switch (c.getName()) {
            case "void" -> "V";
            case "boolean" -> "Z";
            case "byte" -> "B";
            case "char" -> "C";
            case "short" -> "S";
            case "int" -> "I";
            case "long" -> "J";
            case "float" -> "F";
            case "double" -> "D";
            default -> throw new IllegalArgumentException(c.getName());
        };
    }
}
