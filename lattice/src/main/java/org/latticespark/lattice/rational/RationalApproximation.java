package org.latticespark.lattice.rational;

import java.util.Arrays;

/**
 * An immutable rational approximation r(x) = α₀ + Σ_{k=1}^{n} α_k / (x + β_k) ≈ x^{num/den} on
 * [λ_min, λ_max], all β_k &gt; 0 and distinct (ascending), so that r(A) b = α₀ b + Σ_k α_k (A + β_k)⁻¹ b is one
 * multi-shift solve. Errors are relative: e(x) = r(x) / x^{num/den} − 1.
 * {@link #levelledError()} is the equioscillation level of the Remez solution; {@link #maxRelativeError()}
 * is max |e(x)| measured in double precision on {@value #GRID_POINTS} log-spaced points of [λ_min, λ_max]
 * (both ends included) together with the alternation points the Remez algorithm found. It includes the rounding of
 * the double-precision sum: for positive powers the α_k are negative and the sum cancels near λ_min, which puts a
 * floor of roughly ε (|α₀| + Σ|α_k|/(x + β_k)) / r(x) under it (visible only below ~1e-11).
 */
public final class RationalApproximation {
    static final int GRID_POINTS = 20001;

    private final int numerator;
    private final int denominator;
    private final double lambdaMin;
    private final double lambdaMax;
    private final double alpha0;
    private final double[] alpha;
    private final double[] beta;
    private final double levelledError;
    private final double[] extrema;
    private final double maxRelativeError;

    RationalApproximation(int numerator, int denominator, double lambdaMin, double lambdaMax, double alpha0,
            double[] alpha, double[] beta, double levelledError, double[] extrema) {
        this.numerator = numerator;
        this.denominator = denominator;
        this.lambdaMin = lambdaMin;
        this.lambdaMax = lambdaMax;
        this.alpha0 = alpha0;
        this.alpha = alpha.clone();
        this.beta = beta.clone();
        this.levelledError = levelledError;
        this.extrema = extrema.clone();
        this.maxRelativeError = measureMaxRelativeError();
    }

    private double measureMaxRelativeError() {
        double max = 0;
        double logRatio = StrictMath.log(lambdaMax / lambdaMin);
        for (int i = 0; i < GRID_POINTS; i++) {
            double x = i == GRID_POINTS - 1 ? lambdaMax : lambdaMin * StrictMath.exp(logRatio * i / (GRID_POINTS - 1));
            max = Math.max(max, Math.abs(relativeError(x)));
        }
        for (double x : extrema) max = Math.max(max, Math.abs(relativeError(x)));
        return max;
    }

    /** r(x) = α₀ + Σ α_k / (x + β_k). */
    public double value(double x) {
        double s = alpha0;
        for (int k = 0; k < alpha.length; k++) s += alpha[k] / (x + beta[k]);
        return s;
    }

    /** r(x) / x^{num/den} − 1, in double precision. */
    public double relativeError(double x) {
        return value(x) / StrictMath.pow(x, exponent()) - 1;
    }

    /** The approximated power num/den as a double. */
    public double exponent() {
        return (double) numerator / denominator;
    }

    /** Numerator of the power in lowest terms (the sign is carried here; the denominator is positive). */
    public int numerator() {
        return numerator;
    }

    /** Denominator of the power in lowest terms, &gt; 0. */
    public int denominator() {
        return denominator;
    }

    public double lambdaMin() {
        return lambdaMin;
    }

    public double lambdaMax() {
        return lambdaMax;
    }

    /** The degree n: numerator and denominator of r are both polynomials of degree n; n poles. */
    public int degree() {
        return alpha.length;
    }

    public double alpha0() {
        return alpha0;
    }

    /** Residues α_1 … α_n, in the order of {@link #betas()}. */
    public double[] alphas() {
        return alpha.clone();
    }

    /** Shifts β_1 &lt; … &lt; β_n, all &gt; 0. */
    public double[] betas() {
        return beta.clone();
    }

    /** |E|: the common size of the 2n+2 alternating error extrema of the Remez solution. */
    public double levelledError() {
        return levelledError;
    }

    /** The 2n+2 alternation points of the relative error in x, ascending (first = λ_min, last = λ_max). */
    public double[] extrema() {
        return extrema.clone();
    }

    /** Measured max |r(x) / x^{num/den} − 1| over the range (see class comment). */
    public double maxRelativeError() {
        return maxRelativeError;
    }

    @Override
    public String toString() {
        return "RationalApproximation[x^(" + numerator + "/" + denominator + ") on [" + lambdaMin + ", " + lambdaMax
                + "], degree " + degree() + ", max relative error " + maxRelativeError + ", alpha0 " + alpha0
                + ", alpha " + Arrays.toString(alpha) + ", beta " + Arrays.toString(beta) + "]";
    }
}
