package io.fineq.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Bootstrap confidence intervals over evaluation items (paragraphs), paired across methods: every
 * statistic is computed on the same B resamples of the items (drawn once from a fixed seed), so the
 * interval of a difference between two methods measured on the same items accounts for their
 * correlation (a paired bootstrap). Percentile intervals; the two-sided p-value of a difference is
 * {@code min(1, 2 min(P*(d <= 0), P*(d >= 0)))} over the resamples.
 */
public final class PairedBootstrap {
    /** Resamples used by {@code fineq model-eval}. */
    public static final int DEFAULT_RESAMPLES = 2000;
    /** Two-sided level of the intervals and of the tests. */
    public static final double ALPHA = 0.05;

    /** A mean with its 95 % interval. */
    public record Interval(double mean, double lo, double hi) {
    }

    /** A paired difference (this method minus the other) with its 95 % interval and p-value. */
    public record Difference(String against, double mean, double lo, double hi, double p) {
        /** The interval excludes 0 (equivalently p < 0.05, up to the resampling's granularity). */
        public boolean significant() {
            return lo > 0 || hi < 0;
        }
    }

    private final int n;
    private final int[][] counts;

    /** B resamples of n items, drawn from {@code seed}. */
    public PairedBootstrap(int n, int resamples, long seed) {
        if (n < 1) throw new IllegalArgumentException("need at least one item, got " + n);
        if (resamples < 10) throw new IllegalArgumentException("resamples must be >= 10, got " + resamples);
        this.n = n;
        this.counts = new int[resamples][n];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int[] c : counts) for (int i = 0; i < n; i++) c[rnd.nextInt(n)]++;
    }

    /** The mean of {@code x} over the items and its percentile interval. */
    public Interval mean(double[] x) {
        check(x);
        double[] means = resampledMeans(x, null);
        return new Interval(plainMean(x), quantile(means, ALPHA / 2), quantile(means, 1 - ALPHA / 2));
    }

    /** The paired difference {@code mean(a - b)}, its interval and p-value; {@code against} names b. */
    public Difference difference(double[] a, double[] b, String against) {
        check(a);
        check(b);
        double[] d = resampledMeans(a, b);
        int below = 0, above = 0;
        for (double v : d) {
            if (v <= 0) below++;
            if (v >= 0) above++;
        }
        double p = Math.min(1, 2.0 * Math.min(below, above) / d.length);
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) diff[i] = a[i] - b[i];
        return new Difference(against, plainMean(diff), quantile(d, ALPHA / 2), quantile(d, 1 - ALPHA / 2), p);
    }

    private double[] resampledMeans(double[] a, double[] b) {
        double[] out = new double[counts.length];
        for (int r = 0; r < counts.length; r++) {
            int[] c = counts[r];
            double s = 0;
            for (int i = 0; i < n; i++) if (c[i] != 0) s += c[i] * (b == null ? a[i] : a[i] - b[i]);
            out[r] = s / n;
        }
        Arrays.sort(out);
        return out;
    }

    /** The q-quantile of sorted values (the order statistic at floor(q (B - 1) + 0.5)). */
    private static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.floor(q * (sorted.length - 1) + 0.5)];
    }

    private static double plainMean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private void check(double[] x) {
        if (x.length != n) throw new IllegalArgumentException("expected " + n + " items, got " + x.length);
    }
}
