package dev.racelock.cli;

import picocli.CommandLine.Command;

/**
 * What the help of every racelock command has: {@code --help} and {@code --version} (the build's
 * version, {@link VersionProvider}), and its exit codes under one heading. Picocli reads
 * {@code @Command} attributes up the class hierarchy, a subclass's own overriding its
 * superclass's, so each command extends this and states only what is its own.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        exitCodeListHeading = ExitCodes.HEADING)
abstract class StandardHelp {
}
