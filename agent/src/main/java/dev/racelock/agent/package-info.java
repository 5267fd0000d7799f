/**
 * The agent's entry: {@code AgentMain} (premain/agentmain, hands over to the bootstrap loader),
 * {@code AgentStartup} (wires a recording: options, trace output, transformers, watchdog) and
 * {@code AgentOptions}. The only package that knows every other one; nothing depends on it.
 */
package dev.racelock.agent;
