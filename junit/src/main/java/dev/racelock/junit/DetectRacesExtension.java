package dev.racelock.junit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.List;

/**
 * The JUnit Jupiter side of {@link DetectRaces}: after each test, analyzes the trace recorded
 * so far and fails the test if a finding happened during it (its later access, or its cycle's
 * closing acquisition, fell between the test's start and end markers), with the text report as
 * the failure message. A finding fails only the test it is attributed to; one that first
 * happened in an earlier test is that test's.
 *
 * <p>Registered by {@link DetectRaces}, or for every test by JUnit's extension auto-detection;
 * auto-detected, it acts only when the configuration parameter {@code racelock.detectRaces} is
 * {@code true}, so a suite that auto-detects other extensions is not changed by racelock-junit
 * being on its class path (racelock-maven-plugin puts it there for the test markers).
 *
 * <p>Attaches the agent when the JVM runs without it (AgentAttach), and says once which classes
 * were loaded too early to be recorded. The analysis reads the whole trace after each test:
 * meant for focused concurrency tests, not for thousands of tests (use racelock-maven-plugin's
 * check there, which analyzes once).
 */
public final class DetectRacesExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    static final String ENABLED = "racelock.detectRaces";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (active(context)) {
            attachIfNeeded(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (active(context)) {
            attachIfNeeded(context); // a method-level @DetectRaces has no beforeAll
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!active(context)) {
            return;
        }
        String trace = AgentBridge.traceFile();
        if (trace == null) {
            return;
        }
        AgentBridge.flush();
        String report = IsolatedAnalysis.findingsOf(trace, context.getUniqueId());
        if (report != null) {
            throw new AssertionError(report);
        }
    }

    /** Annotated on the test, its class or an enclosing class; or enabled for every test. */
    static boolean active(ExtensionContext context) {
        if (context.getConfigurationParameter(ENABLED).map(Boolean::parseBoolean).orElse(false)) {
            return true;
        }
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getElement().map(e -> AnnotationSupport.isAnnotated(e, DetectRaces.class)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static void attachIfNeeded(ExtensionContext context) {
        if (AgentBridge.agentPresent()) {
            return;
        }
        AttachSettings settings = AttachSettings.from(context::getConfigurationParameter,
                context.getTestClass().map(Class::getName).orElse(null));
        List<String> notes = AgentAttach.ensureAttached(settings);
        for (String note : notes) {
            System.err.println(note);
        }
        if (!notes.isEmpty()) {
            context.publishReportEntry("racelock", String.join("\n", notes));
        }
    }
}
