package org.latticespark.analysis.resample;

/** Means and sums of squares that stay accurate when all values share a large offset. */
final class Moments {
    private Moments() {
    }

    /** Mean as x[0] + Σ(x - x[0]) / n, the sum compensated (Neumaier); exact for constant input. */
    static double mean(double[] x) {
        double shift = x[0];
        double sum = 0;
        double compensation = 0;
        for (double v : x) {
            double term = v - shift;
            double next = sum + term;
            compensation += Math.abs(sum) >= Math.abs(term) ? (sum - next) + term : (term - next) + sum;
            sum = next;
        }
        return shift + (sum + compensation) / x.length;
    }

    /** Σ (x - xCenter)(y - yCenter). */
    static double sumOfProducts(double[] x, double xCenter, double[] y, double yCenter) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - xCenter) * (y[i] - yCenter);
        }
        return sum;
    }
}
