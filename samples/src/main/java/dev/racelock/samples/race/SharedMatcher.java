package dev.racelock.samples.race;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bug: one {@link Matcher} shared by two threads (its javadoc: "not safe for use by multiple
 * concurrent threads"); {@code reset} and {@code matches} write its match state, so one thread
 * can read the other's groups (GROOVY-6456 was this bug).
 * Fix: {@link dev.racelock.samples.norace.MatcherPerCall}.
 */
public final class SharedMatcher {

    static final Matcher KEY = Pattern.compile("(\\w+)=(\\w+)").matcher("");

    static String key(String line) {
        KEY.reset(line); // expect race(write, SharedMatcher.KEY)
        return KEY.matches() ? KEY.group(1) : null; // expect race(read|write, SharedMatcher.KEY)
    }

    public static void main(String[] args) throws InterruptedException {
        String[] keys = new String[2];
        Thread first = new Thread(() -> keys[0] = key("host=a"), "worker-1");
        Thread second = new Thread(() -> keys[1] = key("port=8"), "worker-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println(keys[0] + " " + keys[1]);
    }
}
