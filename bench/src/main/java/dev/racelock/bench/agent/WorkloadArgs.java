package dev.racelock.bench.agent;

/**
 * The arguments every workload driver takes, in order and all optional:
 * {@code [threads] [size] [seed]}. The size is the driver's unit of work (transactions,
 * documents, operations per thread); its default gives 1.5 to 4 s of work without the agent on
 * the project machine (docs/performance.md, "Workloads").
 */
record WorkloadArgs(int threads, int size, long seed) {

    static final int DEFAULT_THREADS = 4;
    static final long DEFAULT_SEED = 42;

    static WorkloadArgs parse(String[] args, int defaultSize) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_THREADS;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : defaultSize;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        if (threads < 1 || size < 1) {
            throw new IllegalArgumentException("threads and size must be positive: " + threads + " " + size);
        }
        return new WorkloadArgs(threads, size, seed);
    }

    /** The seed of one thread's random stream: the same for that thread in every run. */
    long seedOf(int thread) {
        return seed * 1_000_003L + thread;
    }

    /** The one line the benchmark script reads: {@code name threads=4 size=... seed=42 check=... millis=...}. */
    String describe(String name, long check, long millis) {
        return name + " threads=" + threads + " size=" + size + " seed=" + seed + " check=" + check + " millis=" + millis;
    }
}
