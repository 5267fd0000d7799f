/**
 * The {@code java.util.concurrent} model at run time: the hooks that the call-site table and
 * the JDK-class rewrites call, recording locks, atomics and the hand-offs each class's "Memory
 * consistency effects" note promises (docs/juc.md), and thread interrupts, which their blocking
 * methods detect, as events of the core recorder. Depends on {@code runtime} only.
 */
package dev.racelock.agent.runtime.juc;
