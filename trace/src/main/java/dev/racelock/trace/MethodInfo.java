package dev.racelock.trace;

/**
 * A method of the recorded program.
 *
 * @param className  binary name with dots, e.g. {@code com.acme.Counter$Inner}
 * @param name       method name, e.g. {@code increment} or {@code <init>}
 * @param descriptor JVM descriptor, e.g. {@code (I)V}
 * @param sourceFile source file name from the class file, e.g. {@code Counter.java}, or null
 */
public record MethodInfo(int id, String className, String name, String descriptor, String sourceFile)
        implements DictionaryEntry {}
