package org.latticespark.measurement.fermion;

import java.util.List;

/** Sample mean, variance (divisor N − 1) and the standard errors of both. */
record Samples(int n, double mean, double variance, double varianceError) {
    static Samples of(List<NoiseEstimate> estimates) {
        int n = estimates.size();
        double mean = 0;
        for (NoiseEstimate e : estimates) mean += e.value();
        mean /= n;
        double m2 = 0, m4 = 0;
        for (NoiseEstimate e : estimates) {
            double d = e.value() - mean;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        double variance = m2 / (n - 1);
        double mu2 = m2 / n;
        // Var(s²) ≈ (μ₄ − σ⁴)/N to leading order, with the moments estimated from the sample
        double varianceError = Math.sqrt(Math.max(0, m4 / n - mu2 * mu2) / n);
        return new Samples(n, mean, variance, varianceError);
    }

    double meanError() { return Math.sqrt(variance / n); }
}
