package dev.racelock.report.gate;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a baseline or suppression file as UTF-8 text, turning every failure into one message naming it. */
final class GateFileText {

    private GateFileText() {}

    /** @param what how messages name the file: "baseline", "suppression file" */
    static String read(Path file, String what) throws GateConfigException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new GateConfigException(what + " " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new GateConfigException(what + " " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new GateConfigException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }
}
