/**
 * Rewrites of JDK classes (retransformation: method bodies only, calls with no branch):
 * {@code Thread.run}/{@code start}, FutureTask, ThreadPoolExecutor's worker loop, ForkJoinTask and
 * its adapters, ThreadPerTaskExecutor, ThreadFlock, Thread's interrupt methods and
 * InterruptedException, Shutdown, the Collections.synchronizedX wrappers; and the agent's own last shutdown hook. One registry,
 * {@code JdkClassRewrites}, installs one transformer for all of them; each rewrite is a
 * {@code JdkClassRewrite}. Depends on {@code instrument} (shared emit helpers) and the runtime
 * packages whose hooks it calls.
 */
package dev.racelock.agent.instrument.jdk;
