package dev.racelock.report.progress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MoreHeapTest {

    private static final long GB = 1L << 30;

    @Test
    void aSmallHeapIsToldEightGigabytes() {
        assertEquals("-Xmx8g", MoreHeap.option(GB));
        assertEquals("-Xmx8g", MoreHeap.option(4 * GB));
    }

    /** The JVM reports a little less than -Xmx (a survivor space); 8g must still lead to 16g. */
    @Test
    void aHeapThatHadEightGigabytesIsToldMore() {
        assertEquals("-Xmx16g", MoreHeap.option(8 * GB - 300L * (1 << 20)));
        assertEquals("-Xmx16g", MoreHeap.option(6 * GB));
        assertEquals("-Xmx32g", MoreHeap.option(16 * GB));
    }
}
