package dev.racelock.trace;

/**
 * A recorded thread.
 *
 * @param id           dense thread id used by events
 * @param name         the thread's name when it was registered
 * @param parent       id of the thread that started it, or -1 (main thread, threads born outside
 *                     instrumented code)
 * @param creationSite site of the Thread.start call, or -1
 * @param virtual      a virtual thread (JDK 21+), never confused with its carrier
 */
public record ThreadInfo(int id, String name, int parent, int creationSite, boolean virtual)
        implements DictionaryEntry {}
