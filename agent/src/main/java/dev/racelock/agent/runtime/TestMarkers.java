package dev.racelock.agent.runtime;

import dev.racelock.trace.TestCaseInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The entry points a test framework listener calls to mark tests in the trace
 * (docs/trace-format.md, "Test markers"): racelock-junit finds this class in the bootstrap
 * class loader by name ({@code Class.forName(name, true, null)}), so the test class path needs
 * no agent class. Once per test, never on the hot path: it may allocate and use concurrent
 * collections. Every method is safe without a recording (it records nothing then).
 */
public final class TestMarkers {

    private static final AtomicInteger NEXT_TEST = new AtomicInteger();
    /** Tests started and not finished, by id (ids grow with start time): for the deadlock watchdog. */
    private static final ConcurrentSkipListMap<Integer, String> RUNNING = new ConcurrentSkipListMap<>();

    private static volatile List<String> loadedBeforeAttach = List.of();

    private TestMarkers() {}

    /**
     * Names a test and records that the calling thread starts it.
     *
     * @param uniqueId    the framework's unique id of the test
     * @param className   the test class, or null
     * @param methodName  the test method, or null for a container
     * @param displayName what the framework shows
     * @return the test's id, to pass to {@link #testFinished}
     */
    public static int testStarted(String uniqueId, String className, String methodName, String displayName) {
        int id = NEXT_TEST.getAndIncrement();
        Recording.output().dictionary().defineTest(new TestCaseInfo(id, uniqueId, className, methodName, displayName));
        RUNNING.put(id, name(className, methodName, displayName));
        Recording.context().recorder.testStart(id);
        return id;
    }

    /** Records that the calling thread has finished test {@code test}. */
    public static void testFinished(int test) {
        Recording.context().recorder.testEnd(test);
        RUNNING.remove(test);
    }

    /** The trace being written, as an absolute path, or null when nothing is written to a file. */
    public static String traceFile() {
        String file = Recording.output().file();
        return file == null ? null : Path.of(file).toAbsolutePath().toString();
    }

    /** Writes everything recorded so far to the trace, every thread's unflushed events included. */
    public static void flush() {
        Recording.output().flush();
    }

    /**
     * The classes the include filter names that were loaded before the agent was attached to
     * this running JVM, one per line: their code is not recorded. Empty when the agent started
     * with the JVM.
     */
    public static String classesLoadedBeforeAttach() {
        return String.join("\n", loadedBeforeAttach);
    }

    /** Set once by {@code AgentStartup.attach}. */
    public static void loadedBeforeAttach(List<String> classNames) {
        List<String> sorted = new ArrayList<>(classNames);
        sorted.sort(null);
        loadedBeforeAttach = List.copyOf(sorted);
    }

    /** The innermost test running now (the latest started and not finished), or null. */
    static String latestRunning() {
        Map.Entry<Integer, String> latest = RUNNING.lastEntry();
        return latest == null ? null : latest.getValue();
    }

    private static String name(String className, String methodName, String displayName) {
        if (className == null) {
            return displayName;
        }
        return methodName == null ? className : className + "." + methodName + "()";
    }
}
