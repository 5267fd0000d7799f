package dev.racelock.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IoProblemTest {

    @Test
    void namesTheProblemNotJustThePath() {
        assertEquals("no such file or directory", IoProblem.describe(new NoSuchFileException("/x/y")));
        assertEquals("permission denied", IoProblem.describe(new AccessDeniedException("/x/y")));
        assertEquals("Read-only file system", IoProblem.describe(new FileSystemException("/x", null, "Read-only file system")));
        assertEquals("file system error", IoProblem.describe(new FileSystemException("/x")));
        assertEquals("disk full", IoProblem.describe(new IOException("disk full")));
    }
}
