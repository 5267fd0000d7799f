/**
 * The agent's entry: {@code AgentMain} (premain/agentmain, hands over to the bootstrap loader),
 * {@code AgentStartup} (wires a recording: options, trace output, transformers, watchdog) and
 * {@code AgentJitDirectives} (keeps the agent's own rewriter out of the C2 compiler). The
 * argument syntax it parses is the trace module's {@code AgentArguments}, shared with the CLI.
 * The only package that knows every other one; nothing depends on it.
 */
package dev.racelock.agent;
