package dev.racelock.agent.instrument.library;

import dev.racelock.agent.runtime.ThreadContext;
import dev.racelock.agent.runtime.library.LibraryHooks;
import dev.racelock.agent.runtime.library.LibraryModel;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The library model's one table resolves on the JDK the tests run on (17 and 25 in CI): every
 * method it names is a public instance method of its row's type, every row applies to some
 * modelled class, and the hooks the observer emits exist with the descriptors it emits.
 */
class LibraryModelTableTest {

    @TestFactory
    Stream<DynamicTest> everyMethodNamedByTheTableExists() {
        return LibraryModel.ROWS.stream().flatMap(row -> row.methods().stream().map(name ->
                dynamicTest(row.type().getSimpleName() + "." + name + " (" + row.effect() + ")", () -> {
                    boolean found = Arrays.stream(row.type().getMethods())
                            .anyMatch(m -> m.getName().equals(name) && !Modifier.isStatic(m.getModifiers()));
                    assertTrue(found, row.type().getName() + " has no public instance method " + name);
                })));
    }

    @Test
    void everyRowAppliesToAModelledClassOrItsIterators() {
        for (LibraryModel.Row row : LibraryModel.ROWS) {
            boolean iterator = row.type() == java.util.Iterator.class || row.type() == java.util.ListIterator.class;
            assertTrue(iterator || LibraryModel.CLASSES.stream().anyMatch(row.type()::isAssignableFrom),
                    row.type() + " is no supertype of a modelled class");
        }
    }

    @Test
    void modelledClassesAreTheJdksNonThreadSafeOnesAndFitTheirIndex() {
        assertTrue(LibraryModel.CLASSES.size() <= 64);
        for (Class<?> c : LibraryModel.CLASSES) {
            assertEquals(null, c.getClassLoader(), c + " is a JDK class");
            assertEquals(LibraryModel.CLASSES.indexOf(c), LibraryModel.modelOf(c), c + " is modelled as itself");
        }
        assertEquals(LibraryModel.CLASSES.indexOf(java.text.NumberFormat.class),
                LibraryModel.modelOf(java.text.DecimalFormat.class), "a JDK subclass is modelled by its ancestor");
        assertEquals(-1, LibraryModel.modelOf(java.util.concurrent.ConcurrentHashMap.class));
        assertEquals(-1, LibraryModel.modelOf(java.util.Vector.class), "Vector locks: not modelled");
    }

    @Test
    void theHooksTheObserverEmitsExist() throws NoSuchMethodException {
        for (String hook : new String[] {"read", "write", "readExact", "writeExact"}) {
            Method m = LibraryHooks.class.getMethod(hook, Object.class, int.class, int.class, ThreadContext.class);
            assertTrue(Modifier.isStatic(m.getModifiers()), hook);
            assertEquals(void.class, m.getReturnType(), hook);
        }
        Method bind = LibraryHooks.class.getMethod("bindView", Object.class, Object.class, ThreadContext.class);
        assertTrue(Modifier.isStatic(bind.getModifiers()));
    }

    @Test
    void effectsFollowTheTable() {
        assertEquals(LibraryModel.Effect.READ, LibraryModel.effect(java.util.HashMap.class, "containsKey"));
        assertEquals(LibraryModel.Effect.WRITE, LibraryModel.effect(java.util.HashMap.class, "put"));
        assertEquals(LibraryModel.Effect.VIEW, LibraryModel.effect(java.util.TreeMap.class, "headMap"));
        assertEquals(LibraryModel.Effect.WRITE, LibraryModel.effect(java.text.SimpleDateFormat.class, "parse"));
        assertEquals(null, LibraryModel.effect(java.util.HashMap.class, "clone"));
    }
}
