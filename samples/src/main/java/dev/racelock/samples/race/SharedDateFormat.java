package dev.racelock.samples.race;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.TimeZone;

/**
 * Bug: a {@link SimpleDateFormat} in a static field used by two threads. Its javadoc: "Date
 * formats are not synchronized"; {@code format} sets the format's Calendar to the date, so two
 * threads formatting at once can print each other's dates.
 * Fix: {@link dev.racelock.samples.norace.DateFormatPerThread}.
 */
public final class SharedDateFormat {

    static final SimpleDateFormat DAY = new SimpleDateFormat("yyyy-MM-dd");

    static String day(long millis) {
        return DAY.format(new Date(millis)); // expect race(write, SharedDateFormat.DAY)
    }

    public static void main(String[] args) throws InterruptedException {
        DAY.setTimeZone(TimeZone.getTimeZone("UTC"));
        String[] days = new String[2];
        Thread first = new Thread(() -> days[0] = day(0L), "worker-1");
        Thread second = new Thread(() -> days[1] = day(86_400_000L), "worker-2");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println(days[0] + " " + days[1]);
    }
}
