package dev.racelock.agent.instrument.jdk;

import java.util.List;

/**
 * One rewrite of JDK classes, registered in {@link JdkClassRewrites}: which classes it rewrites,
 * which of them must be loaded at start so that they are rewritten before the program uses them,
 * and the rewritten bytes. Retransformation may change method bodies only, so every rewrite
 * inserts calls into existing methods and nothing else.
 */
interface JdkClassRewrite {

    /** Thrown by {@link #rewrite} when the JDK's code is not what the rewrite expects. */
    final class UnexpectedCode extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnexpectedCode(String what) {
            super(what);
        }
    }

    /** Binary names of the classes to load (not initialize) at start; absent ones are skipped. */
    List<String> preloaded();

    /** Whether {@code internalName}, a class of the bootstrap loader, is one this rewrite changes. */
    boolean rewrites(String internalName);

    /**
     * @return the rewritten class, or null to leave it as it is
     * @throws UnexpectedCode if the class is not as expected (the caller warns and leaves it)
     */
    byte[] rewrite(String internalName, byte[] original);

    /** What the recording lacks when this rewrite cannot be made: the end of the warning. */
    String lossWithout();
}
