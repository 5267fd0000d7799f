/**
 * The binary trace format (docs/trace-format.md): the lock-free per-thread buffers and the writer
 * the agent records with, and the streaming reader that merges threads by sequence number.
 * Depends on the event model ({@code dev.racelock.trace}) only.
 */
package dev.racelock.trace.format;
