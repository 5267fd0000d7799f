/**
 * The core recorder, on the bootstrap class path so every class loader links to one copy:
 * {@code Rt} (the hooks instrumented code calls), {@code Recording} (global state, threads),
 * {@code ThreadContext} (per-thread state), {@code ObjectIds}/{@code WeakIdentityMap} (unique
 * object ids), {@code EventRecorder} and its filters, thread and class-initialization hooks,
 * the trace output and the deadlock watchdog. The hot-path rules are written in {@code Rt}.
 * Depends on the trace module only; the models built on it ({@code runtime.juc}) plug in
 * through {@code Recording.whenFreed} and {@code ThreadContext.handOver}, never the reverse.
 */
package dev.racelock.agent.runtime;
