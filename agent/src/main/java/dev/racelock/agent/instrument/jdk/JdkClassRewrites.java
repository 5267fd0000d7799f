package dev.racelock.agent.instrument.jdk;

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry of JDK-class rewrites and the one transformer that applies them (docs/agent.md,
 * "JDK classes the agent rewrites"). The JVM swallows what a transformer throws, so a rewrite
 * that fails leaves its class as it was and prints one warning saying what is not recorded.
 */
public final class JdkClassRewrites implements ClassFileTransformer {
    /** Every rewrite, in the order they are applied. */
    static final List<JdkClassRewrite> ALL = List.of(new ThreadRunRewrite(), new FutureTaskRewrite(),
            new TaskIdentityRewrite(), new ForkJoinTaskRewrite(), new ThreadFlockRewrite(),
            new ExecutorViewRewrite(), new InterruptRewrite(), new ShutdownRewrite(),
            new SynchronizedWrapperRewrite());

    private final List<JdkClassRewrite> rewrites;
    private final PrintStream err;

    private JdkClassRewrites(List<JdkClassRewrite> rewrites, PrintStream err) {
        this.rewrites = rewrites;
        this.err = err;
    }

    /**
     * Lets java.base read the module of the runtime (the inserted calls link to it), adds the
     * transformer, and retransforms every class a rewrite claims that is already loaded.
     */
    public static void install(Instrumentation instrumentation, Module runtime, PrintStream err) {
        JdkClassRewrites transformer = new JdkClassRewrites(ALL, err);
        try {
            instrumentation.redefineModule(Object.class.getModule(), Set.of(runtime), Map.of(), Map.of(), Set.of(),
                    Map.of());
            instrumentation.addTransformer(transformer, true);
        } catch (RuntimeException | LinkageError e) {
            err.println("racelock: cannot instrument JDK classes (" + e + "); threads started with a Runnable,"
                    + " executors and futures are not ordered");
            return;
        }
        for (JdkClassRewrite rewrite : ALL) {
            for (String name : rewrite.preloaded()) {
                try {
                    Class.forName(name.replace('/', '.'), false, null);
                } catch (ClassNotFoundException e) {
                    // not in this JDK (e.g. VirtualThread before JDK 21): nothing to rewrite
                }
            }
        }
        Set<Class<?>> loaded = new LinkedHashSet<>();
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            if (c.getClassLoader() == null && transformer.claimed(c.getName().replace('.', '/'))
                    && instrumentation.isModifiableClass(c)) {
                loaded.add(c);
            }
        }
        for (Class<?> c : loaded) {
            try {
                instrumentation.retransformClasses(c);
            } catch (Exception | LinkageError e) {
                transformer.warn(c.getName().replace('.', '/'), null, e);
            }
        }
    }

    private boolean claimed(String internalName) {
        for (JdkClassRewrite rewrite : rewrites) {
            if (rewrite.rewrites(internalName)) {
                return true;
            }
        }
        return false;
    }

    /** Every rewrite that claims the class, one after the other (FutureTask has two). */
    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader != null || className == null) {
            return null;
        }
        byte[] current = classfileBuffer;
        for (JdkClassRewrite rewrite : rewrites) {
            if (rewrite.rewrites(className)) {
                try {
                    byte[] rewritten = rewrite.rewrite(className, current);
                    current = rewritten == null ? current : rewritten;
                } catch (Throwable t) {
                    warn(className, rewrite, t);
                }
            }
        }
        return current == classfileBuffer ? null : current;
    }

    private void warn(String internalName, JdkClassRewrite rewrite, Throwable t) {
        String reason = t instanceof JdkClassRewrite.UnexpectedCode ? t.getMessage() : t.toString();
        err.println("racelock: cannot instrument " + internalName.replace('/', '.') + " (" + reason + "); "
                + (rewrite == null ? "it runs unrecorded" : rewrite.lossWithout()));
    }

}
