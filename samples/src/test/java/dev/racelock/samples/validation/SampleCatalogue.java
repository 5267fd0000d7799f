package dev.racelock.samples.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds the sample programs (every class in the catalogue's sections) and parses their expectations. */
final class SampleCatalogue {

    /** Package sections under {@code dev.racelock.samples}, in the order the table lists them. */
    static final List<String> SECTIONS = List.of("race", "norace", "deadlock", "nodeadlock", "observed");

    private static final String BASE_PACKAGE = "dev/racelock/samples";

    private SampleCatalogue() {}

    /** Every sample under the given source roots, by section then name. */
    static List<SampleSource> load(List<Path> sourceRoots) {
        List<SampleSource> samples = new ArrayList<>();
        for (String section : SECTIONS) {
            List<SampleSource> inSection = new ArrayList<>();
            for (Path root : sourceRoots) {
                Path dir = root.resolve(BASE_PACKAGE).resolve(section);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".java"))
                            .filter(f -> !f.getFileName().toString().equals("package-info.java"))
                            .forEach(f -> inSection.add(parse(section, f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            inSection.sort(Comparator.comparing(SampleSource::simpleName));
            samples.addAll(inSection);
        }
        return samples;
    }

    private static SampleSource parse(String section, Path file) {
        String fileName = file.getFileName().toString();
        String className = BASE_PACKAGE.replace('/', '.') + "." + section + "." + fileName.substring(0, fileName.length() - ".java".length());
        try {
            return ExpectationParser.parse(className, fileName, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
