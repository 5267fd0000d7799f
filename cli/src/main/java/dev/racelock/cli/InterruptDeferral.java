package dev.racelock.cli;

import java.lang.reflect.Method;

/**
 * While the target of {@code run} runs, Ctrl-C belongs to it: the terminal sends SIGINT to the
 * whole foreground process group, the target ends (its agent flushing the trace on the way
 * out), and racelock, which ignored the signal, goes on to analyze and report, the way a
 * server run under racelock is meant to be stopped. Like {@code time} and {@code strace}.
 *
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported) by reflection so that compiling needs
 * no internal API; where it is missing or refuses, nothing changes and Ctrl-C ends racelock too.
 */
record InterruptDeferral(Method handle, Object signal, Object previous) implements AutoCloseable {

    /** Ignores SIGINT until {@link #close()}. */
    static InterruptDeferral ignoreInterrupts() {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance("INT");
            Object ignore = handlerClass.getField("SIG_IGN").get(null);
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            return new InterruptDeferral(handle, signal, handle.invoke(null, signal, ignore));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return new InterruptDeferral(null, null, null);
        }
    }

    /** Restores what SIGINT did before. */
    @Override
    public void close() {
        if (handle == null) {
            return;
        }
        try {
            handle.invoke(null, signal, previous);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // The JVM's default stays replaced by "ignore": harmless, racelock is about to exit.
        }
    }
}
