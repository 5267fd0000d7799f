package dev.racelock.agent.instrument;

import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard at the entry of loadClass: names of the agent go to the bootstrap loader before the
 * loader's own code runs; every other name runs the loader's code as before.
 */
class RuntimeDelegationTest {
    private static final String LOOPING = "dev.racelock.fixture.LoopingLoader";

    @Test
    void agentNamesAreAnsweredByTheBootstrapLoaderBeforeTheLoadersOwnCode() throws Exception {
        byte[] guarded = RuntimeDelegation.rewrite(classFile(LOOPING));
        Class<?> type = new DefiningLoader().define(LOOPING, guarded);
        ClassLoader loader = (ClassLoader) type.getConstructor(ClassLoader.class)
                .newInstance(RuntimeDelegationTest.class.getClassLoader());
        // the unit tests run without the agent jar on the bootstrap path: the bootstrap loader says no
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("dev.racelock.agent.runtime.Rt"));
        assertEquals(0, type.getField("attempts").getInt(loader), "the loader's own code did not run");
        assertEquals(String.class, loader.loadClass("java.lang.String"));
        assertEquals(1, type.getField("attempts").getInt(loader));
    }

    @Test
    void aClassWithoutLoadClassIsLeftAlone() throws Exception {
        assertNull(RuntimeDelegation.rewrite(classFile("dev.racelock.fixture.Fields")));
        assertTrue(RuntimeDelegation.mentionsLoadClass(classFile(LOOPING)));
    }

    private static byte[] classFile(String name) throws Exception {
        try (InputStream in = RuntimeDelegationTest.class.getClassLoader()
                .getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Defines the rewritten class (verified: a loader of its own is not trusted like the boot path). */
    private static final class DefiningLoader extends ClassLoader {
        DefiningLoader() {
            super(RuntimeDelegationTest.class.getClassLoader());
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
