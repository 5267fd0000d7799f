package dev.racelock.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the agent jar for {@code run}: the {@code racelock.agent} system property (set by the
 * {@code ./racelock} launcher), else the {@code RACELOCK_AGENT} environment variable, else the
 * places a source checkout and a distribution put it relative to racelock.jar.
 */
final class AgentJarLocator {

    static final String PROPERTY = "racelock.agent";
    static final String ENVIRONMENT = "RACELOCK_AGENT";

    private AgentJarLocator() {}

    static Optional<Path> locate() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property));
        }
        String env = System.getenv(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env));
        }
        return besideCliJar().stream().filter(Files::isRegularFile).findFirst();
    }

    private static List<Path> besideCliJar() {
        List<Path> candidates = new ArrayList<>();
        try {
            Path jar = Path.of(AgentJarLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = jar.getParent();
            if (dir != null) {
                candidates.add(dir.resolve("racelock-agent.jar"));
                // cli/target/racelock.jar in a source checkout: the agent is agent/target/racelock-agent.jar
                candidates.add(dir.resolve("../../agent/target/racelock-agent.jar").normalize());
            }
        } catch (URISyntaxException | RuntimeException e) {
            // No code source (unusual class loader): only the property and the variable can name the agent.
        }
        return candidates;
    }
}
