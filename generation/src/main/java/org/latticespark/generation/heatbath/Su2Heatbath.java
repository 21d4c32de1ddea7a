package org.latticespark.generation.heatbath;

import org.latticespark.lattice.random.CounterRng;

/**
 * Draws x ∈ SU(2) with density ∝ exp(α x0) with respect to Haar measure, i.e. x0 with density
 * ∝ √(1 − x0²) e^{α x0} and x⃗ uniform on the sphere of radius √(1 − x0²).
 */
final class Su2Heatbath {
    /** Below this α the Haar-rejection method accepts often; above it Kennedy–Pendleton does. */
    private static final double KP_ABOVE = 2.0;

    private Su2Heatbath() {}

    static void sample(double alpha, CounterRng rng, double[] x) {
        if (alpha < KP_ABOVE) {
            haarRejection(alpha, rng, x);
        } else {
            kennedyPendleton(alpha, rng, x);
        }
    }

    /** Kennedy and Pendleton, Phys. Lett. B 156 (1985) 393. */
    private static void kennedyPendleton(double alpha, CounterRng rng, double[] x) {
        double lambda2;
        do {
            double r1 = rng.uniform(), r2 = rng.uniform(), r3 = rng.uniform(), r4 = rng.uniform();
            double c = StrictMath.cos(2 * Math.PI * r2);
            lambda2 = -(StrictMath.log(r1) + c * c * StrictMath.log(r3)) / (2 * alpha);
            if (r4 * r4 <= 1 - lambda2) break;
        } while (true);
        x[0] = 1 - 2 * lambda2;
        sphere(Math.sqrt(Math.max(0, 1 - x[0] * x[0])), rng, x);
    }

    /** x0 uniform, accepted with probability √(1 − x0²) e^{α(x0 − 1)}: the Haar weight times the Boltzmann factor. */
    private static void haarRejection(double alpha, CounterRng rng, double[] x) {
        do {
            x[0] = 2 * rng.uniform() - 1;
            double accept = Math.sqrt(1 - x[0] * x[0]) * StrictMath.exp(alpha * (x[0] - 1));
            if (rng.uniform() <= accept) break;
        } while (true);
        sphere(Math.sqrt(Math.max(0, 1 - x[0] * x[0])), rng, x);
    }

    private static void sphere(double radius, CounterRng rng, double[] x) {
        double cosTheta = 2 * rng.uniform() - 1;
        double sinTheta = Math.sqrt(Math.max(0, 1 - cosTheta * cosTheta));
        double phi = 2 * Math.PI * rng.uniform();
        x[1] = radius * sinTheta * StrictMath.cos(phi);
        x[2] = radius * sinTheta * StrictMath.sin(phi);
        x[3] = radius * cosTheta;
    }
}
