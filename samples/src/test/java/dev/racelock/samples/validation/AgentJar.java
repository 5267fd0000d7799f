package dev.racelock.samples.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Checks that the copied agent jar can be given to {@code -javaagent}. */
final class AgentJar {

    private AgentJar() {}

    /** Why {@code jar} cannot serve as an agent, or null when it can. */
    static String problem(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return "no agent jar at " + jar + " (the samples pom copies it from the racelock-agent module)";
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue("Premain-Class") == null) {
                return jar + " has no Premain-Class: the agent is not built yet";
            }
            return null;
        } catch (IOException e) {
            return jar + " is not a readable jar: " + e.getMessage();
        }
    }
}
