package dev.racelock.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the analyzer on the trace this JVM is writing, in a class loader of its own. It must not
 * share racelock's trace classes with the agent: the agent's copies are on the boot class path
 * (and without the reader), and a class of the application loader cannot reach the
 * package-private parts of a same-named package in another loader (JVMS 5.3, runtime
 * packages). So racelock's classes load child-first here, from the jars of racelock-junit's own
 * dependencies; everything else comes from the platform loader.
 */
final class IsolatedAnalysis {

    /** One class of each jar the analysis needs; the last three are the graph library's. */
    private static final List<String> ANCHORS = List.of("dev/racelock/junit/TestFindings.class",
            "dev/racelock/analyzer/Analyzer.class", "dev/racelock/report/Reports.class",
            "dev/racelock/trace/format/TraceReader.class", "org/jgrapht/Graph.class", "org/jheaps/Heap.class",
            "org/apfloat/Apfloat.class");
    private static final int REQUIRED = 5;

    private static Method report;

    private IsolatedAnalysis() {}

    /**
     * The text report of the findings attributed to the test with this unique id, or null when
     * there are none: {@code TestFindings.report} run in the isolated loader.
     */
    static synchronized String findingsOf(String traceFile, String uniqueId) {
        try {
            return (String) reportMethod().invoke(null, traceFile, uniqueId);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (ReflectiveOperationException | MalformedURLException e) {
            throw new IllegalStateException("racelock: cannot run the analyzer in this JVM", e);
        }
    }

    private static Method reportMethod() throws ReflectiveOperationException, MalformedURLException {
        if (report == null) {
            ClassLoader loader = new ChildFirst(urls());
            report = loader.loadClass("dev.racelock.junit.TestFindings").getMethod("report", String.class, String.class);
        }
        return report;
    }

    private static URL[] urls() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (int i = 0; i < ANCHORS.size(); i++) {
            Path root = ClassPathJars.rootOf(ANCHORS.get(i));
            if (root == null && i < REQUIRED) {
                throw new IllegalStateException("racelock: " + ANCHORS.get(i) + " is not on the test class path;"
                        + " declare dev.racelock:racelock-junit as a test dependency (it brings the analyzer)");
            }
            if (root != null) {
                urls.add(root.toUri().toURL());
            }
        }
        return urls.toArray(new URL[0]);
    }

    /** racelock's classes from its own jars first; the JDK from the platform loader. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls) {
            super("racelock-analysis", urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.racelock.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
