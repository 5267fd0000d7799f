package dev.racelock.samples.norace;

import dev.racelock.samples.ChildFirstLoader;

/**
 * Twin of {@link dev.racelock.samples.race.ChildFirstPluginLostUpdate}: the plugin, still loaded
 * by the child-first loader, counts in a static synchronized method, whose lock is the plugin's
 * own {@code Class} object (JLS 8.4.3.6).
 */
// expect none
public final class ChildFirstPluginSynchronized {

    /** Loaded by the child-first loader: a class of its own, not the system loader's copy. */
    public static final class Plugin implements Runnable {
        static int hits;

        @Override
        public void run() {
            count();
        }

        private static synchronized void count() {
            hits++;
        }

        @Override
        public String toString() {
            synchronized (Plugin.class) {
                return "hits = " + hits;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        ClassLoader loader = new ChildFirstLoader(ChildFirstPluginSynchronized.class.getClassLoader());
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
