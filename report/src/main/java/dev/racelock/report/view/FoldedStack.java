package dev.racelock.report.view;

import dev.racelock.analyzer.finding.SourceSite;
import dev.racelock.analyzer.finding.StackBase;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A stack as reports print it: below (outside) the first frame of the application, each run of
 * {@link #MIN_RUN} or more consecutive frames of the JDK or of a test framework becomes one line
 * ({@code ... 27 frames in org.junit, org.apache.maven.surefire, java}), so a race seen in a test
 * does not print the 30-frame JUnit/Surefire tail twice. Frames above the first application
 * frame (a lock taken inside {@code ReentrantLock.lock}) are kept: they say where it happened.
 * JSON and SARIF keep every frame.
 */
public final class FoldedStack {

    /** Shorter runs are printed: folding two frames into one line saves nothing worth the loss. */
    static final int MIN_RUN = 3;

    /** Packages of the JDK and of the test frameworks and build tools that run tests. */
    private static final List<String> FRAMEWORK_PACKAGES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.junit.", "junit.", "org.opentest4j.", "org.testng.",
            "org.apache.maven.surefire.", "org.apache.maven.plugin.surefire.", "org.gradle.", "worker.org.gradle.");

    private FoldedStack() {}

    /**
     * The lines to print for {@code frames}, innermost first, closed by a line saying so when the
     * stack is cut where code racelock does not record called its outermost frame.
     */
    public static List<FrameLine> of(List<SourceSite> frames, StackBase base) {
        List<FrameLine> lines = of(frames);
        if (base.isCut() && !frames.isEmpty()) {
            lines.add(new FrameLine(null, FindingWords.stackCutLine(), null, null, 0, true));
        }
        return lines;
    }

    /** The lines to print for {@code frames}, innermost first. */
    public static List<FrameLine> of(List<SourceSite> frames) {
        List<FrameLine> lines = new ArrayList<>(frames.size());
        int firstApplication = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (framework(frames.get(i)) == null) {
                firstApplication = i;
                break;
            }
        }
        int i = 0;
        while (i < frames.size()) {
            int end = i;
            if (firstApplication >= 0 && i > firstApplication) {
                while (end < frames.size() && framework(frames.get(end)) != null) {
                    end++;
                }
            }
            if (end - i >= MIN_RUN) {
                lines.add(folded(frames.subList(i, end)));
                i = end;
            } else {
                lines.add(line(frames.get(i)));
                i++;
            }
        }
        return lines;
    }

    static FrameLine line(SourceSite site) {
        String shortMethod = site == null ? "(unknown location)"
                : FindingWords.simpleName(site.className()) + "." + site.method();
        return new FrameLine(site, FindingWords.frame(site), shortMethod, FindingWords.fileAndLine(site), 0, false);
    }

    private static FrameLine folded(List<SourceSite> run) {
        Set<String> packages = new LinkedHashSet<>();
        for (SourceSite s : run) {
            String p = framework(s);
            packages.add(p.substring(0, p.length() - 1));
        }
        return new FrameLine(null, "... " + run.size() + " frames in " + String.join(", ", packages), null, null,
                run.size(), false);
    }

    /** The framework package {@code site} is in, or null for application code. */
    private static String framework(SourceSite site) {
        if (site == null || site.className() == null) {
            return null;
        }
        for (String p : FRAMEWORK_PACKAGES) {
            if (site.className().startsWith(p)) {
                return p;
            }
        }
        return null;
    }
}
