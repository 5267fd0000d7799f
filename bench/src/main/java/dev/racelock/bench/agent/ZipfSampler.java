package dev.racelock.bench.agent;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^exponent, the skew of word
 * frequencies in text and of key popularity in caches (Zipf's law). Immutable: threads share one.
 */
final class ZipfSampler {

    private final double[] cumulative;

    ZipfSampler(int n, double exponent) {
        cumulative = new double[n];
        double total = 0;
        for (int r = 0; r < n; r++) {
            total += 1 / Math.pow(r + 1, exponent);
            cumulative[r] = total;
        }
    }

    int next(SplittableRandom random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
    }
}
