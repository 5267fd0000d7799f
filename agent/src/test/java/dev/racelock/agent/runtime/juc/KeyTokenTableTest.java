package dev.racelock.agent.runtime.juc;

import dev.racelock.agent.runtime.EventRecorder;
import dev.racelock.agent.runtime.ObjectIds;
import dev.racelock.agent.runtime.TestContexts;
import dev.racelock.agent.runtime.ThreadContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The per-(map, key) token table forgets keys that left their map and maps that were collected. */
class KeyTokenTableTest {
    private final List<Long> acquired = new ArrayList<>();
    private final ThreadContext c = context(0);

    private ThreadContext context(int thread) {
        return TestContexts.of(thread, (EventRecorder) Proxy.newProxyInstance(
                EventRecorder.class.getClassLoader(), new Class<?>[] {EventRecorder.class}, (proxy, method, args) -> {
                    if (method.getName().equals("hbAcquire")) {
                        acquired.add((Long) args[0]);
                    }
                    if (method.getReturnType() == long.class) {
                        return 0L;
                    }
                    return method.getReturnType() == int.class ? (Object) 0 : null;
                }));
    }

    @Test
    void aKeyIsOneTokenByEqualityUntilItIsRemoved() {
        ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
        CollectionHooks.put(map, "k", 1, -1, c);
        long token = HandOffTokens.keyToken(map, "k", c);
        assertEquals(token, HandOffTokens.keyToken(map, new String("k"), c));

        assertEquals(1, CollectionHooks.remove(map, "k", -1, c));
        assertEquals(List.of(token), acquired, "the removal acquires the put");
        assertNotEquals(token, HandOffTokens.keyToken(map, "k", c), "a removed key's token is forgotten");
    }

    /**
     * Forgotten as if collected: by a thread that never used the map (a thread that did keeps
     * it in its cache of key tables, strongly, so it is not collected while cached).
     */
    @Test
    void aCollectedMapTakesItsKeyTokensAlong() {
        ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
        CollectionHooks.put(map, "k", 1, -1, context(1));
        HandOffTokens.forget(ObjectIds.of(map, -1, c));
        HandOffTokens.acquireKey(map, "k", -1, c);
        assertEquals(List.of(), acquired, "nothing left to acquire");
    }

    /**
     * Forgetting ids without a table (collected arrays and JDK objects) changes no count: a map
     * whose id shares their bucket is still forgotten when it goes. The bucket holds only a few
     * tables of this JVM's tests, so 64 wrong decrements would empty its count.
     */
    @Test
    void idsWithoutATableLeaveTheCountOfTheirBucket() {
        ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
        CollectionHooks.put(map, "k", 1, -1, context(1));
        long id = ObjectIds.of(map, -1, c);
        for (long k = 1; k <= 64; k++) {
            HandOffTokens.forget(id + (k << 40)); // the same bucket, an id no object has
        }
        HandOffTokens.forget(id);
        HandOffTokens.acquireKey(map, "k", -1, c);
        assertEquals(List.of(), acquired, "the map's table was forgotten");
    }

    /** More maps than the thread's cache of key tables has slots: each key still acquires its own map's token. */
    @Test
    void cachedKeyTablesNeverMixTwoMaps() {
        List<ConcurrentHashMap<String, Integer>> maps = new ArrayList<>();
        List<Long> tokens = new ArrayList<>();
        for (int i = 0; i < 4 * ThreadContext.KEY_TABLES; i++) {
            ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
            CollectionHooks.put(map, "k", i, -1, c);
            maps.add(map);
            tokens.add(HandOffTokens.keyToken(map, "k", context(1)));
        }
        List<Long> expected = new ArrayList<>();
        for (int i = maps.size() - 1; i >= 0; i--) {
            assertEquals(i, CollectionHooks.get(maps.get(i), "k", -1, c));
            expected.add(tokens.get(i));
        }
        assertEquals(expected, acquired);
        assertEquals(tokens.size(), tokens.stream().distinct().count(), "a token per map");
    }
}
