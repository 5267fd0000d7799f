/**
 * The event model every module shares: {@code EventVisitor} (the stream of events in an order
 * consistent with synchronization), the dictionary records ({@code ThreadInfo}, {@code SiteInfo},
 * ...), the trace header, the agent's argument syntax ({@code AgentArguments}), and the growth
 * rule of every module's growable arrays ({@code ArrayGrowth}). Depends on nothing;
 * {@code trace.format} (binary), {@code trace.std} (STD text) and {@code trace.files} (either
 * kind) build on it.
 */
package dev.racelock.trace;
