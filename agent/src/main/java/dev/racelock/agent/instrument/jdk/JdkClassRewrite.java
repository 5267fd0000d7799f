package dev.racelock.agent.instrument.jdk;

import java.util.List;

/**
 * One rewrite of JDK classes, registered in {@link JdkClassRewrites}: the classes it rewrites
 * (loaded at start, so that they are rewritten before the program uses them), what the
 * recording lacks without it, and the rewritten bytes. Retransformation may change method bodies
 * only, so every rewrite inserts calls into existing methods and nothing else.
 */
abstract class JdkClassRewrite {

    /** Thrown by {@link #rewrite} when the JDK's code is not what the rewrite expects. */
    static final class UnexpectedCode extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnexpectedCode(String what) {
            super(what);
        }
    }

    private final String lossWithout;
    private final List<String> classes;

    /**
     * @param lossWithout what is not recorded when the rewrite cannot be made: the end of the warning
     * @param classes     internal names of the classes rewritten; those this JDK lacks are skipped
     */
    JdkClassRewrite(String lossWithout, String... classes) {
        this.lossWithout = lossWithout;
        this.classes = List.of(classes);
    }

    /** Internal names of the classes to load (not initialize) at start. */
    final List<String> preloaded() {
        return classes;
    }

    /** Whether {@code internalName}, a class of the bootstrap loader, is one this rewrite changes. */
    boolean rewrites(String internalName) {
        return classes.contains(internalName);
    }

    /**
     * @return the rewritten class, or null to leave it as it is
     * @throws UnexpectedCode if the class is not as expected (the caller warns and leaves it)
     */
    abstract byte[] rewrite(String internalName, byte[] original);

    final String lossWithout() {
        return lossWithout;
    }
}
