package org.latticespark.generation.heatbath;

import org.latticespark.lattice.random.CounterRng;

/** Draws ψ ∈ (−π, π] with density ∝ exp(κ cos ψ): the U(1) heatbath. */
final class VonMises {
    /** Below this κ plain rejection from the uniform distribution accepts at least ~64 %. */
    private static final double BEST_FISHER_ABOVE = 0.5;

    private VonMises() {}

    static double sample(double kappa, CounterRng rng) {
        if (kappa < BEST_FISHER_ABOVE) {
            while (true) {
                double psi = Math.PI * (2 * rng.uniform() - 1);
                if (rng.uniform() <= StrictMath.exp(kappa * (StrictMath.cos(psi) - 1))) return psi;
            }
        }
        return bestFisher(kappa, rng);
    }

    /** Best and Fisher, J. R. Stat. Soc. C 28 (1979) 152. */
    private static double bestFisher(double kappa, CounterRng rng) {
        double tau = 1 + Math.sqrt(1 + 4 * kappa * kappa);
        double rho = (tau - Math.sqrt(2 * tau)) / (2 * kappa);
        double r = (1 + rho * rho) / (2 * rho);
        double f;
        while (true) {
            double u1 = rng.uniform(), u2 = rng.uniform();
            double z = StrictMath.cos(Math.PI * u1);
            f = (1 + r * z) / (r + z);
            double c = kappa * (r - f);
            if (c * (2 - c) - u2 > 0 || StrictMath.log(c / u2) + 1 - c >= 0) break;
        }
        double psi = StrictMath.acos(Math.max(-1, Math.min(1, f)));
        return rng.uniform() > 0.5 ? psi : -psi;
    }
}
