package dev.racelock.bench.agent;

import dev.racelock.agent.instrument.CallSiteHooks;
import dev.racelock.agent.instrument.ClassFilter;
import dev.racelock.agent.instrument.ClassHierarchy;
import dev.racelock.agent.instrument.ClassTransformer;
import dev.racelock.agent.instrument.Dictionary;
import dev.racelock.agent.instrument.InstrumentOptions;
import dev.racelock.agent.instrument.juc.JucCallSiteHooks;
import dev.racelock.agent.instrument.library.LibraryCallSiteHooks;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.TraceOutput;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * How fast the agent's rewriter transforms real class files: every class of the given jars
 * (the workloads' libraries), transformed as the agent would at class load, round after round,
 * timed by this thread's CPU. What {@code mode=locks} costs at class load (issue 16), measured
 * without the noise of a whole workload run.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.racelock.bench.agent.TransformThroughput MODE ROUNDS JAR...
 * </pre>
 * MODE is {@code locks} (mode=locks, stacks=off), {@code locks-stacks}, {@code nostacks} or {@code full}.
 * Each round prints the CPU seconds and the first bytes of a SHA-256 of every class it wrote, in
 * order: two builds of the rewriter that must write the same classes print the same digest.
 */
public final class TransformThroughput {

    private record ClassFile(String name, byte[] bytes) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: TransformThroughput locks|locks-stacks|nostacks|full ROUNDS JAR...");
            System.exit(2);
        }
        InstrumentOptions options = switch (args[0]) {
            case "locks" -> new InstrumentOptions(false, false, false);
            case "locks-stacks" -> new InstrumentOptions(false, true, false);
            case "nostacks" -> new InstrumentOptions(true, false, true);
            case "full" -> new InstrumentOptions(true, true, true);
            default -> throw new IllegalArgumentException("mode: " + args[0]);
        };
        int rounds = Integer.parseInt(args[1]);
        List<Path> jars = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            jars.add(Path.of(args[i]));
        }
        List<ClassFile> classes = read(jars);
        long bytes = classes.stream().mapToLong(c -> c.bytes().length).sum();
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        Recording.start(TraceOutput.NONE, false);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (URLClassLoader loader = new URLClassLoader(urls, TransformThroughput.class.getClassLoader())) {
            for (int round = 1; round <= rounds; round++) {
                // a fresh transformer each round: its hierarchy cache fills as the agent's does in one run
                ClassTransformer transformer = new ClassTransformer(options, new Dictionary(TraceOutput.NONE),
                        new ClassHierarchy(), LibraryCallSiteHooks.addTo(JucCallSiteHooks.addTo(CallSiteHooks.core())),
                        new ClassFilter(List.of(), List.of()));
                long out = 0;
                int failed = 0;
                int unchanged = 0;
                java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
                long cpu = threads.getCurrentThreadCpuTime();
                for (ClassFile c : classes) {
                    try {
                        byte[] transformed = transformer.transform(loader, c.name(), c.bytes());
                        out += transformed.length;
                        unchanged += transformed == c.bytes() ? 1 : 0;
                        digest.update(transformed);
                    } catch (RuntimeException | LinkageError e) {
                        failed++;
                    }
                }
                double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
                System.out.printf("round %d: %d classes (%d left as they were), %.1f MB in, %.1f MB out (SHA-256 %s), %d failed, %.3f CPU-s, %.1f MB/CPU-s%n",
                        round, classes.size(), unchanged, bytes / 1e6, out / 1e6,
                        java.util.HexFormat.of().formatHex(digest.digest(), 0, 8), failed, seconds, bytes / 1e6 / seconds);
            }
        }
    }

    private static List<ClassFile> read(List<Path> jars) throws IOException {
        List<ClassFile> classes = new ArrayList<>();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (JarEntry entry : java.util.Collections.list(file.entries())) {
                    String name = entry.getName();
                    if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                        classes.add(new ClassFile(name.substring(0, name.length() - 6),
                                file.getInputStream(entry).readAllBytes()));
                    }
                }
            }
        }
        return classes;
    }
}
