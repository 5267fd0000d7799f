package dev.racelock.bench.agent;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A cache mix: several threads look up Zipf-distributed keys in a bounded Caffeine cache, a
 * bounded Guava cache (both loading on a miss and evicting) and a {@link ConcurrentHashMap}
 * filled with {@code computeIfAbsent}, re-put one key in 64 into both caches, and count one
 * lookup in 8 per key with {@code ConcurrentHashMap.merge}. Caffeine runs its maintenance on
 * the common fork-join pool, as it does by default.
 *
 * <p>Self-checking: a key's value is a fixed function of the key, so the sum of every value
 * returned must equal the sum of that function over the keys drawn, hit or miss; the merged
 * counts must add up to the number of merges.
 *
 * <p>Usage: {@code CacheWorkload [threads] [lookups per thread] [seed]}
 */
public final class CacheWorkload {

    static final int DEFAULT_LOOKUPS = 600_000;
    private static final int KEYS = 200_000;
    private static final int CAPACITY = 20_000;
    private static final ZipfSampler POPULARITY = new ZipfSampler(KEYS, 0.9);

    private CacheWorkload() {}

    public static void main(String[] args) throws Exception {
        WorkloadArgs a = WorkloadArgs.parse(args, DEFAULT_LOOKUPS);
        com.github.benmanes.caffeine.cache.LoadingCache<Integer, Long> caffeine =
                Caffeine.newBuilder().maximumSize(CAPACITY).build(CacheWorkload::value);
        com.google.common.cache.LoadingCache<Integer, Long> guava = CacheBuilder.newBuilder()
                .maximumSize(CAPACITY).concurrencyLevel(a.threads()).build(CacheLoader.from(CacheWorkload::value));
        ConcurrentHashMap<Integer, Long> map = new ConcurrentHashMap<>();
        ConcurrentHashMap<Integer, Long> counts = new ConcurrentHashMap<>();
        WorkloadCheck.Timed run = WorkloadCheck.run("cache", a, (t, random) -> {
            long sum = 0;
            long drawn = 0;
            long merges = 0;
            for (int i = 0; i < a.size(); i++) {
                int key = POPULARITY.next(random);
                Long v = switch (random.nextInt(3)) {
                    case 0 -> caffeine.get(key);
                    case 1 -> guava.getUnchecked(key);
                    default -> map.computeIfAbsent(key, CacheWorkload::value);
                };
                sum += v;
                drawn += value(key);
                if (i % 64 == 0) {
                    caffeine.put(key, value(key));
                    guava.put(key, value(key));
                }
                if (i % 8 == 0) {
                    counts.merge(key, 1L, Long::sum);
                    merges++;
                }
            }
            return new WorkloadCheck.Sums(sum, drawn + merges);
        });
        long counted = 0;
        for (long c : counts.values()) {
            counted += c;
        }
        WorkloadCheck.finish("cache", a, run.millis(), run.sums().check() + counted, run.sums().expected());
    }

    /** A key's value: a fixed mix of its bits (SplitMix64's finalizer), so every hit can be checked. */
    static Long value(Integer key) {
        long z = key * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 8;
    }
}
