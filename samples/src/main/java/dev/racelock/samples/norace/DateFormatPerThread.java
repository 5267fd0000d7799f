package dev.racelock.samples.norace;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.TimeZone;

/**
 * Twin of {@link dev.racelock.samples.race.SharedDateFormat}: one format per thread (a
 * {@link ThreadLocal}), so no instance is ever shared.
 */
// expect none
public final class DateFormatPerThread {

    static final ThreadLocal<SimpleDateFormat> DAY = ThreadLocal.withInitial(() -> {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format;
    });

    static String day(long millis) {
        return DAY.get().format(new Date(millis));
    }

    public static void main(String[] args) throws InterruptedException {
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
