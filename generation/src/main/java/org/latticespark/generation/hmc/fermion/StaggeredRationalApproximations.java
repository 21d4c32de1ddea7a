package org.latticespark.generation.hmc.fermion;

import java.util.Locale;
import org.latticespark.generation.FermionConfig;
import org.latticespark.lattice.rational.RationalApproximation;
import org.latticespark.lattice.rational.Remez;

/**
 * The three rational functions of a staggered RHMC pseudofermion for Nf flavours in d dimensions, where one
 * staggered field carries T = 2^{d/2} tastes (4 in 4d) and the target weight is det A^{Nf/T},
 * A = m² − D_eo D_oe on the even sites:
 * <ul>
 *   <li>{@link #action()} r(x) ≈ x^{−Nf/T}, for S = φ† r(A) φ (the Metropolis test);
 *   <li>{@link #heatbath()} r'(x) ≈ x^{Nf/(2T)}, for φ = r'(A) χ;
 *   <li>{@link #force()} r_F(x) ≈ x^{−Nf/T}, for the molecular-dynamics force, possibly with a looser tolerance:
 *       the force only has to be a deterministic function of the links for the MD to be reversible and area
 *       preserving, so its error costs acceptance, never exactness, as long as the action uses r.
 * </ul>
 * Each is α₀ + Σ_k α_k/(x + β_k) with β_k ≥ 0, applied with one multi-shift solve.
 *
 * <p>Spectral range: D is a sum of d hopping terms ½ η_μ (U_μ S_μ − (U_μ S_μ)†), each of norm ≤ 1, so ‖D‖ ≤ d and
 * the spectrum of A = m² + D_oe† D_oe lies in [m², m² + d²] for every gauge field. The approximations are minimax
 * in relative error on exactly this interval (by {@link Remez#forTolerance}), so their error bound holds rigorously.
 *
 * <p>Powers: Remez handles |p/q| &lt; 1. For T &lt; Nf &lt; 2T the action power is −1 − (Nf−T)/T and
 * r(x) = x⁻¹ r̃(x) with r̃ ≈ x^{−(Nf−T)/T}, rewritten in partial fractions with an extra shift 0 via
 * 1/(x(x+β)) = (1/x − 1/(x+β))/β; the relative error is that of r̃. For Nf = T the action is exactly 1/x
 * (no approximation; the Nf = T case is cheaper with {@link StaggeredPseudofermion}, it is allowed here as a
 * cross-check). Accepted: 1 ≤ Nf &lt; 2T (Nf/(2T) &lt; 1 for the heat bath), i.e. Nf = 1…7 in 4d, 1…3 in 2d.
 */
public final class StaggeredRationalApproximations {
    /** Default relative error of every approximation. */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    /** Grid on which the maximal relative error of the final double-precision fractions is measured. */
    private static final int ERROR_GRID = 20001;

    private final int dimensions;
    private final int flavours;
    private final double mass;
    private final Fractions action;
    private final Fractions heatbath;
    private final Fractions force;

    private StaggeredRationalApproximations(int dimensions, int flavours, double mass, Fractions action,
            Fractions heatbath, Fractions force) {
        this.dimensions = dimensions;
        this.flavours = flavours;
        this.mass = mass;
        this.action = action;
        this.heatbath = heatbath;
        this.force = force;
    }

    /** All three with the same relative tolerance. */
    public static StaggeredRationalApproximations create(int dimensions, int flavours, double mass, double tolerance) {
        return create(dimensions, flavours, mass, tolerance, tolerance);
    }

    /**
     * @param tolerance      maximal relative error of the action and heat-bath approximations, in (0, 1)
     * @param forceTolerance maximal relative error of the force approximation, in (0, 1)
     * @throws IllegalArgumentException for d not in {2, 3, 4}, Nf outside 1 ≤ Nf &lt; 2T, a mass not finite and &gt; 0,
     *     or a tolerance Remez cannot reach
     */
    public static StaggeredRationalApproximations create(int dimensions, int flavours, double mass, double tolerance,
            double forceTolerance) {
        if (dimensions < 2 || dimensions > 4) {
            throw new IllegalArgumentException("dimensions must be 2, 3 or 4, got " + dimensions);
        }
        int tastes = FermionConfig.tastes(dimensions);
        if (flavours < 1 || flavours >= 2 * tastes) {
            throw new IllegalArgumentException("staggered RHMC flavours must be in 1.." + (2 * tastes - 1) + " in "
                    + dimensions + "d (" + tastes + " tastes per field; the heat bath power Nf/" + (2 * tastes)
                    + " must be below 1), got " + flavours);
        }
        if (!(Double.isFinite(mass) && mass > 0)) {
            throw new IllegalArgumentException("staggered RHMC mass must be finite and > 0, got " + mass);
        }
        checkTolerance("tolerance", tolerance);
        checkTolerance("forceTolerance", forceTolerance);
        double lambdaMin = mass * mass;
        double lambdaMax = lambdaMin + (double) dimensions * dimensions;
        Fractions action = inverseRoot(flavours, tastes, lambdaMin, lambdaMax, tolerance);
        Fractions force = forceTolerance == tolerance ? action
                : inverseRoot(flavours, tastes, lambdaMin, lambdaMax, forceTolerance);
        Fractions heatbath = Fractions.of(Remez.forTolerance(flavours, 2 * tastes, lambdaMin, lambdaMax, tolerance));
        return new StaggeredRationalApproximations(dimensions, flavours, mass, action, heatbath, force);
    }

    private static void checkTolerance(String name, double t) {
        if (!(t > 0 && t < 1)) throw new IllegalArgumentException(name + " must be in (0, 1), got " + t);
    }

    /** x^{−Nf/T} on [λ_min, λ_max]. */
    private static Fractions inverseRoot(int flavours, int tastes, double lambdaMin, double lambdaMax, double tol) {
        if (flavours < tastes) return Fractions.of(Remez.forTolerance(-flavours, tastes, lambdaMin, lambdaMax, tol));
        int g = gcd(flavours, tastes);
        if (flavours == tastes) {
            return new Fractions(-1, 1, lambdaMin, lambdaMax, 0, new double[] {1}, new double[] {0}, 0);
        }
        RationalApproximation rest = Remez.forTolerance(-(flavours - tastes), tastes, lambdaMin, lambdaMax, tol);
        double[] a = rest.alphas(), b = rest.betas();
        double[] alpha = new double[a.length + 1];
        double[] beta = new double[b.length + 1];
        alpha[0] = rest.alpha0();
        for (int k = 0; k < a.length; k++) {
            alpha[0] += a[k] / b[k];
            alpha[k + 1] = -a[k] / b[k];
            beta[k + 1] = b[k];
        }
        Fractions f = new Fractions(-flavours / g, tastes / g, lambdaMin, lambdaMax, 0, alpha, beta, 0);
        return f.withError(Math.max(rest.maxRelativeError(), f.measureMaxRelativeError(rest.extrema())));
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    public int dimensions() { return dimensions; }

    public int flavours() { return flavours; }

    public int tastes() { return FermionConfig.tastes(dimensions); }

    public double mass() { return mass; }

    /** λ_min = m², the rigorous lower end of the spectrum of A. */
    public double lambdaMin() { return action.lambdaMin; }

    /** λ_max = m² + d², the rigorous upper end of the spectrum of A. */
    public double lambdaMax() { return action.lambdaMax; }

    /** r ≈ x^{−Nf/T} of the action. */
    public Fractions action() { return action; }

    /** r' ≈ x^{Nf/(2T)} of the heat bath. */
    public Fractions heatbath() { return heatbath; }

    /** r_F ≈ x^{−Nf/T} of the force (the same object as {@link #action()} when the tolerances agree). */
    public Fractions force() { return force; }

    /** One line for the run log: the degrees and maximal relative errors. */
    public String describe() {
        return String.format(Locale.ROOT, "staggered RHMC Nf=%d (power %d/%d) m=%s on [%.6g, %.6g]: action degree %d "
                        + "error %.3g, heat bath degree %d error %.3g, force degree %d error %.3g", flavours,
                action.numerator, action.denominator, mass, lambdaMin(), lambdaMax(), action.degree(),
                action.maxRelativeError, heatbath.degree(), heatbath.maxRelativeError, force.degree(),
                force.maxRelativeError);
    }

    @Override
    public String toString() { return describe(); }

    /**
     * f(x) = α₀ + Σ_k α_k / (x + β_k) ≈ x^{numerator/denominator} on [λ_min, λ_max], all β_k ≥ 0 (a zero shift
     * only for powers ≤ −1). {@link #maxRelativeError()} is max |f(x)/x^p − 1| over the range (measured in double
     * precision on a fine log grid and at the Remez alternation points).
     */
    public static final class Fractions {
        private final int numerator;
        private final int denominator;
        private final double lambdaMin;
        private final double lambdaMax;
        private final double alpha0;
        private final double[] alpha;
        private final double[] beta;
        private final double maxRelativeError;

        Fractions(int numerator, int denominator, double lambdaMin, double lambdaMax, double alpha0, double[] alpha,
                double[] beta, double maxRelativeError) {
            this.numerator = numerator;
            this.denominator = denominator;
            this.lambdaMin = lambdaMin;
            this.lambdaMax = lambdaMax;
            this.alpha0 = alpha0;
            this.alpha = alpha.clone();
            this.beta = beta.clone();
            this.maxRelativeError = maxRelativeError;
        }

        static Fractions of(RationalApproximation r) {
            return new Fractions(r.numerator(), r.denominator(), r.lambdaMin(), r.lambdaMax(), r.alpha0(), r.alphas(),
                    r.betas(), r.maxRelativeError());
        }

        Fractions withError(double error) {
            return new Fractions(numerator, denominator, lambdaMin, lambdaMax, alpha0, alpha, beta, error);
        }

        /** max |e| on the log grid and at the given points (the alternation points, where |e| peaks). */
        double measureMaxRelativeError(double[] extrema) {
            double max = 0;
            for (double x : extrema) max = Math.max(max, Math.abs(relativeError(x)));
            double logRatio = StrictMath.log(lambdaMax / lambdaMin);
            for (int i = 0; i < ERROR_GRID; i++) {
                double x = i == ERROR_GRID - 1 ? lambdaMax : lambdaMin * StrictMath.exp(logRatio * i / (ERROR_GRID - 1));
                max = Math.max(max, Math.abs(relativeError(x)));
            }
            return max;
        }

        /** f(x). */
        public double value(double x) {
            double s = alpha0;
            for (int k = 0; k < alpha.length; k++) s += alpha[k] / (x + beta[k]);
            return s;
        }

        /** f(x) / x^{numerator/denominator} − 1. */
        public double relativeError(double x) {
            return value(x) / StrictMath.pow(x, exponent()) - 1;
        }

        public double exponent() { return (double) numerator / denominator; }

        /** Numerator of the power in lowest terms (carries the sign). */
        public int numerator() { return numerator; }

        /** Denominator of the power in lowest terms, &gt; 0. */
        public int denominator() { return denominator; }

        public double lambdaMin() { return lambdaMin; }

        public double lambdaMax() { return lambdaMax; }

        /** The number of shifts (poles). */
        public int degree() { return alpha.length; }

        public double alpha0() { return alpha0; }

        /** α_k; a copy. */
        public double[] alphas() { return alpha.clone(); }

        /** β_k ≥ 0; a copy. */
        public double[] betas() { return beta.clone(); }

        double alpha(int k) { return alpha[k]; }

        double[] shifts() { return beta; }

        /** Maximal relative error on [λ_min, λ_max] (0 for the exact 1/x). */
        public double maxRelativeError() { return maxRelativeError; }
    }
}
