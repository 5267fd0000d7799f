package dev.racelock.cli;

import dev.racelock.cli.fixture.ExitWith;
import dev.racelock.cli.fixture.FakeAgent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Commands and jars for {@code run} tests: a {@code java -cp} line for a test class, a fake agent jar. */
final class TestPrograms {

    private TestPrograms() {}

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path testClasses() {
        try {
            return Path.of(ExitWith.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code java -cp <test classes> <main> args...}. */
    static List<String> java(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", testClasses().toString(),
                main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Deletes {@code dir} and the files in it (trace directories are flat). */
    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    /** A jar whose Premain-Class is {@link FakeAgent}: writes a placeholder trace per JVM. */
    static Path fakeAgentJar(Path dir) throws IOException {
        Path jar = dir.resolve("fake-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", FakeAgent.class.getName());
        String entry = FakeAgent.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = FakeAgent.class.getResourceAsStream("/" + entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
