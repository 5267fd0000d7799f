package dev.racelock.maven;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The traces the test JVMs of a build wrote: every {@code *.rlt} file of the trace directories, in name order. */
final class BuildTraces {

    private BuildTraces() {}

    static List<Path> in(List<Path> directories) throws IOException {
        List<Path> traces = new ArrayList<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            List<Path> here = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.rlt")) {
                for (Path file : files) {
                    if (Files.isRegularFile(file)) {
                        here.add(file);
                    }
                }
            }
            here.sort(null);
            traces.addAll(here);
        }
        return traces;
    }
}
