package dev.racelock.junit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Attaches the agent when the test run opens, before any test class is loaded, if the
 * configuration says {@code racelock.attach=true} (a system property, or
 * {@code junit-platform.properties} on the test class path) and the JVM runs without the
 * agent: then every class is recorded, the test classes' thread starts and joins included.
 * Registered through the service loader.
 */
public final class EarlyAttach implements LauncherSessionListener {

    static final String ATTACH = "racelock.attach";
    static final String PROPERTIES = "junit-platform.properties";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Properties file = platformProperties();
        if (!Boolean.parseBoolean(parameter(file, ATTACH).orElse("false")) || AgentBridge.agentPresent()) {
            return;
        }
        for (String note : AgentAttach.ensureAttached(AttachSettings.from(name -> parameter(file, name), null))) {
            System.err.println(note);
        }
    }

    /** As JUnit reads a configuration parameter: a system property first, then the properties file. */
    private static Optional<String> parameter(Properties file, String name) {
        String value = System.getProperty(name);
        return Optional.ofNullable(value != null ? value : file.getProperty(name));
    }

    private static Properties platformProperties() {
        Properties properties = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : EarlyAttach.class.getClassLoader())
                .getResourceAsStream(PROPERTIES)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("racelock: cannot read " + PROPERTIES, e);
        }
        return properties;
    }
}
