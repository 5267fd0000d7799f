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
    private final ThreadContext c = TestContexts.of(0, (EventRecorder) Proxy.newProxyInstance(
            EventRecorder.class.getClassLoader(), new Class<?>[] {EventRecorder.class}, (proxy, method, args) -> {
                if (method.getName().equals("hbAcquire")) {
                    acquired.add((Long) args[0]);
                }
                return method.getReturnType() == long.class ? 0L : null;
            }));

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

    @Test
    void aCollectedMapTakesItsKeyTokensAlong() {
        ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
        CollectionHooks.put(map, "k", 1, -1, c);
        HandOffTokens.forget(ObjectIds.of(map, -1, c));
        HandOffTokens.acquireKey(map, "k", -1, c);
        assertEquals(List.of(), acquired, "nothing left to acquire");
    }
}
