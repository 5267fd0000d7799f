package dev.racelock.samples.norace;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twin of {@link dev.racelock.samples.race.SharedMatcher}: the {@link Pattern} is shared (it is
 * immutable and thread-safe), each call makes its own {@link Matcher}.
 */
// expect none
public final class MatcherPerCall {

    static final Pattern KEY = Pattern.compile("(\\w+)=(\\w+)");

    static String key(String line) {
        Matcher m = KEY.matcher(line);
        return m.matches() ? m.group(1) : null;
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
