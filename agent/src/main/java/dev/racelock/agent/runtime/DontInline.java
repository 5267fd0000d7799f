package dev.racelock.agent.runtime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A hook the JIT must compile once, on its own, rather than into every method of the program
 * that calls it (docs/agent.md, "Hooks the JIT does not inline"). The agent jar's build renames
 * it to HotSpot's {@code jdk.internal.vm.annotation.DontInline} (agent/pom.xml, the shade
 * plugin's relocation), which HotSpot honours on classes of the bootstrap class loader, where
 * the agent's runtime lives; compiled from source (the unit tests) it is only this annotation,
 * and inlining is as the JIT chooses.
 *
 * <p>Why: inlined, the hooks' code (the thread's context, the filters, the shadow stack) was
 * copied into every instrumented method at every access, entry and exit, and into every method
 * that method was inlined into; on H2's full recording HotSpot's C2 compiler then took half of
 * the process's CPU.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DontInline {}
