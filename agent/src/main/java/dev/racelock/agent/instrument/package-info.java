/**
 * The core rewriter: turns each field, array and monitor instruction of an application class
 * into the same instruction plus a call to the core recorder ({@code agent.runtime.Rt}), and
 * applies the extension tables ({@code CallSiteHooks}: call-site hooks, call probes, body hooks)
 * that the models of the JDK fill. Depends on the core recorder only (for the names of the
 * types it calls); knows no JDK library class and none of the packages below it
 * ({@code instrument.juc}, {@code instrument.jdk}), which depend on it.
 */
package dev.racelock.agent.instrument;
