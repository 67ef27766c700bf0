package io.heddle.bench.report;

import java.util.Collection;

/**
 * How many times better Heddle is than another implementation, oriented so that above 1 means Heddle is better: for a
 * time or a size (lower is better), the other's value divided by Heddle's; for a rate, Heddle's divided by the other's.
 */
public final class Ratios {

    private Ratios() {}

    /** Heddle's advantage over {@code other} on the same workload; NaN if either is missing. */
    public static double advantage(JmhResult heddle, JmhResult other) {
        if (heddle == null || other == null) return Double.NaN;
        if (heddle.lowerIsBetter() != other.lowerIsBetter()) {
            throw new IllegalArgumentException("cannot compare " + heddle + " with " + other);
        }
        return advantage(heddle.score(), other.score(), heddle.lowerIsBetter());
    }

    /** Heddle's advantage given both values and which way is better. */
    public static double advantage(double heddle, double other, boolean lowerIsBetter) {
        return lowerIsBetter ? other / heddle : heddle / other;
    }

    /** The geometric mean of {@code ratios}; NaN if there are none. */
    public static double geometricMean(Collection<Double> ratios) {
        if (ratios.isEmpty()) return Double.NaN;
        double logSum = 0;
        for (double r : ratios) logSum += Math.log(r);
        return Math.exp(logSum / ratios.size());
    }
}
