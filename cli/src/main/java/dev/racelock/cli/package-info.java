/**
 * The {@code racelock} command: one picocli class per subcommand, shared options as mixins, exit
 * codes in {@code ExitCodes} (docs/cli.md). Uses the trace, analyzer and report modules; never
 * the agent, which it starts as a jar file.
 */
package dev.racelock.cli;
