package dev.racelock.samples.race;

import dev.racelock.samples.ChildFirstLoader;

/**
 * Bug: a plugin loaded by a child-first class loader ({@link ChildFirstLoader}, which delegates
 * only {@code java.*} names, as a web-application loader does) counts calls in a plain static
 * field, and two threads call it: a lost update on the plugin's own copy of {@code Plugin.hits}.
 * The loader defines the plugin's classes itself, so the agent must instrument them without
 * making the loader look for any class of its own.
 * Fix: {@link dev.racelock.samples.norace.ChildFirstPluginSynchronized}.
 */
public final class ChildFirstPluginLostUpdate {

    /** Loaded by the child-first loader: a class of its own, not the system loader's copy. */
    public static final class Plugin implements Runnable {
        static int hits;

        @Override
        public void run() {
            hits++; // expect race(read|write, Plugin.hits, lost-update)
        }

        @Override
        public String toString() {
            return "hits = " + hits;
        }
    }

    public static void main(String[] args) throws Exception {
        ClassLoader loader = new ChildFirstLoader(ChildFirstPluginLostUpdate.class.getClassLoader());
        Class<?> type = loader.loadClass(Plugin.class.getName());
        Runnable plugin = (Runnable) type.getConstructor().newInstance();
        Thread first = new Thread(plugin, "caller-1");
        Thread second = new Thread(plugin, "caller-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("plugin of its own loader: " + (type.getClassLoader() == loader) + ", " + plugin);
    }
}
