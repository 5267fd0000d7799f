package dev.racelock.agent;

import dev.racelock.agent.instrument.CallSiteHooks;
import dev.racelock.agent.instrument.ClassFilter;
import dev.racelock.agent.instrument.ClassHierarchy;
import dev.racelock.agent.instrument.ClassTransformer;
import dev.racelock.agent.instrument.Dictionary;
import dev.racelock.agent.instrument.InstrumentOptions;
import dev.racelock.agent.instrument.RacelockTransformer;
import dev.racelock.agent.instrument.jdk.JdkClassRewrites;
import dev.racelock.agent.instrument.jdk.LastShutdownHook;
import dev.racelock.agent.instrument.juc.JucCallSiteHooks;
import dev.racelock.agent.instrument.library.LibraryCallSiteHooks;
import dev.racelock.agent.runtime.AgentThread;
import dev.racelock.agent.runtime.DeadlockWatchdog;
import dev.racelock.agent.runtime.Recording;
import dev.racelock.agent.runtime.Rt;
import dev.racelock.agent.runtime.TestMarkers;
import dev.racelock.agent.runtime.TraceOutput;
import dev.racelock.agent.runtime.WriterOutput;
import dev.racelock.agent.runtime.juc.JucRuntime;
import dev.racelock.agent.runtime.library.LibraryHooks;
import dev.racelock.trace.LibraryState;
import dev.racelock.trace.AgentArguments;
import dev.racelock.trace.TraceHeader;
import dev.racelock.trace.format.TraceWriter;

import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a recording; runs in the bootstrap class loader (see {@link AgentMain}). */
public final class AgentStartup {
    /** Trace format version written by this agent (docs/trace-format.md). */
    static final int FORMAT_VERSION = 2;
    /** A killed JVM loses at most this much of its recording. */
    static final long FLUSH_INTERVAL_MILLIS = 100;

    private AgentStartup() {}

    public static void start(String arguments, Instrumentation instrumentation) {
        PrintStream err = System.err;
        AgentArguments options;
        try {
            options = AgentArguments.parse(arguments);
        } catch (IllegalArgumentException e) {
            err.println("racelock: " + e.getMessage());
            err.flush();
            System.exit(AgentArguments.BAD_OPTION_EXIT_CODE);
            return;
        }
        record(options, arguments, instrumentation, err);
    }

    /**
     * Agent-Class entry, for an agent attached to a running JVM (racelock-junit attaches it when
     * the test JVM was started without it). A bad option throws instead of ending the JVM, and
     * the classes already loaded that the filter would have instrumented are noted
     * ({@link TestMarkers#classesLoadedBeforeAttach}): the transformer sees only classes loaded
     * from now on, so their code records nothing.
     */
    public static void attach(String arguments, Instrumentation instrumentation) {
        ClassFilter filter = record(AgentArguments.parse(arguments), arguments, instrumentation, System.err);
        List<String> unrecorded = new ArrayList<>();
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (loaded.getClassLoader() != null && !loaded.isArray() && !loaded.isHidden()
                    && filter.instruments(loaded.getName().replace('.', '/'))) {
                unrecorded.add(loaded.getName());
            }
        }
        TestMarkers.loadedBeforeAttach(unrecorded);
    }

    private static ClassFilter record(AgentArguments options, String arguments, Instrumentation instrumentation,
                                      PrintStream err) {
        // An owned access is written out later with its calling context as a node id (format 2's
        // tree); with an event per call (stacks=calls) it could not name its stack, so it is recorded.
        boolean ownership = options.ownership() && options.memory() && !options.callEvents();
        TraceOutput output = open(options, arguments == null ? "" : arguments.trim(), ownership, err);
        // mode=locks records no access, so there is nothing to filter: one recorder fewer on every lock event
        Recording.start(output, options.filter() && options.memory(), ownership, options.filter() && !options.memory());
        Recording.premainThread(Thread.currentThread());

        Dictionary dictionary = new Dictionary(output);
        JucRuntime.install(dictionary::runtimeField);
        LibraryHooks.install(dictionary.runtimeField(LibraryState.OWNER, LibraryState.NAME, LibraryState.DESCRIPTOR,
                false, false));
        ClassFilter filter = new ClassFilter(options.include(), options.exclude());
        ClassTransformer transformer = new ClassTransformer(new InstrumentOptions(options.memory(), options.stacks(), ownership),
                dictionary, new ClassHierarchy(), LibraryCallSiteHooks.addTo(JucCallSiteHooks.addTo(CallSiteHooks.core())),
                filter);
        Module runtime = Rt.class.getModule();
        instrumentation.addTransformer(new RacelockTransformer(transformer, instrumentation, runtime, err), false);
        JdkClassRewrites.install(instrumentation, runtime, err);

        LastShutdownHook.register(instrumentation, output::close, err);
        new AgentThread("racelock-jit", () -> AgentJitDirectives.add(instrumentation)).start();
        new AgentThread("racelock-freed-objects", () -> {
            try {
                Recording.reportFreedObjects();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).start();
        Runnable failureCheck = output instanceof WriterOutput w ? w::warnOnFailure : () -> { };
        new AgentThread("racelock-watchdog", new DeadlockWatchdog(options.deadlock() != AgentArguments.Deadlock.OFF,
                options.deadlock() == AgentArguments.Deadlock.EXIT, AgentArguments.DEADLOCK_EXIT_CODE, err,
                failureCheck)).start();
        return filter;
    }

    private static TraceOutput open(AgentArguments options, String raw, boolean ownership, PrintStream err) {
        long pid = ProcessHandle.current().pid();
        long start = System.currentTimeMillis();
        TraceHeader header = new TraceHeader(FORMAT_VERSION, pid, start, System.getProperty("java.version", ""),
                System.getProperty("sun.java.command", ""), raw, options.memory(), options.stacks(), ownership);
        TraceWriter.Contexts contexts = options.callEvents() ? TraceWriter.Contexts.CALL_EVENTS
                : TraceWriter.Contexts.TREE;
        String destination = options.stream() != 0 ? "racelock run (loopback port " + options.stream() + ")"
                : options.outputFile(pid, start);
        try {
            TraceWriter writer;
            if (options.stream() != 0) {
                // racelock run analyzes the trace as it comes: nothing is written to disk.
                SocketChannel socket = SocketChannel.open(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), options.stream()));
                writer = TraceWriter.open(socket, header, FLUSH_INTERVAL_MILLIS, contexts);
            } else {
                writer = TraceWriter.open(Path.of(destination), header, FLUSH_INTERVAL_MILLIS, contexts);
                destination = Path.of(destination).toAbsolutePath().toString();
            }
            if (!options.quiet()) {
                err.println("racelock: recording to " + destination);
            }
            return new WriterOutput(writer, destination, err);
        } catch (Exception | LinkageError e) {
            err.println("racelock: cannot write trace " + destination + ": " + e.getMessage()
                    + "; the program runs unrecorded");
            return TraceOutput.NONE;
        }
    }
}
