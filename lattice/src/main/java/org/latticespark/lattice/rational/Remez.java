package org.latticespark.lattice.rational;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Minimax rational approximations of x^{num/den} in relative error, computed by the Remez exchange algorithm
 * (see {@code RemezIteration} for the method and stopping criterion), returned in partial fractions with real
 * positive shifts. The problem is solved on [λ_min/λ_max, 1] and rescaled: if r̃(y) ≈ y^{p/q} then
 * r(x) = λ_max^{p/q} r̃(x/λ_max) ≈ x^{p/q} with the same relative error. The shifts (roots of the denominator)
 * are found in BigDecimal and must be real and negative; the partial fractions are checked against P/Q to 1e-20
 * before rounding to double. Degrees above 8 start the exchange from the alternation points of half the degree.
 */
public final class Remez {
    /** Largest degree accepted (and searched by {@link #forTolerance}). */
    public static final int MAX_DEGREE = 40;
    /** Widest range accepted, lambdaMax / lambdaMin (the working precision grows with its logarithm). */
    public static final double MAX_RANGE_RATIO = 1e14;
    private static final double PARTIAL_FRACTION_TOLERANCE = 1e-20;
    private static final int CONTINUATION_DEGREE = 8;

    private Remez() {}

    /**
     * The degree-(n, n) minimax approximation of x^{num/den} on [lambdaMin, lambdaMax] in relative error.
     *
     * @throws IllegalArgumentException for den = 0, num = 0, |num/den| ≥ 1, lambdaMin ≤ 0 or not finite,
     *     lambdaMax ≤ lambdaMin or not finite, lambdaMax/lambdaMin &gt; {@link #MAX_RANGE_RATIO}, degree &lt; 1 or
     *     &gt; {@link #MAX_DEGREE}, or a degree so high for the range that the error falls below ~1e-24
     * @throws IllegalStateException if the poles are not real and negative (no partial fractions with β_k &gt; 0)
     * @throws ArithmeticException if the exchange does not converge
     */
    public static RationalApproximation approximate(int num, int den, double lambdaMin, double lambdaMax, int degree) {
        checkPower(num, den);
        checkRange(lambdaMin, lambdaMax);
        if (degree < 1 || degree > MAX_DEGREE) {
            throw new IllegalArgumentException("degree must be in [1, " + MAX_DEGREE + "], got " + degree);
        }
        return toPartialFractions(minimax(num, den, lambdaMin / lambdaMax, degree), lambdaMin, lambdaMax);
    }

    /** The scaled Remez solution P/Q ≈ y^{num/den} on [ratio, 1], power reduced to lowest terms. */
    static MinimaxRational minimax(int num, int den, double ratio, int degree) {
        int g = gcd(Math.abs(num), Math.abs(den));
        int p = Integer.signum(den) * num / g;
        int q = Math.abs(den) / g;
        int digits = RemezIteration.defaultDigits(ratio, degree);
        double[] shape = null;
        if (degree > CONTINUATION_DEGREE) {
            // The alternation points, in ln t, hardly change shape with the degree: start from half the degree.
            shape = minimax(num, den, ratio, Math.max(CONTINUATION_DEGREE, degree / 2)).shape();
        }
        try {
            RemezIteration remez = new RemezIteration(p, q, ratio, degree, digits);
            return shape == null ? remez.run() : remez.run(shape);
        } catch (ArithmeticException notConverged) {
            RemezIteration remez = new RemezIteration(p, q, ratio, degree, 2 * digits);
            return shape == null ? remez.run() : remez.run(shape);
        }
    }

    /**
     * The approximation of the smallest degree whose {@link RationalApproximation#maxRelativeError()} is at most
     * relativeError.
     *
     * @throws IllegalArgumentException for bad power or range (as in {@link #approximate}), relativeError not in
     *     (0, 1), or when even degree {@link #MAX_DEGREE} does not reach it
     */
    public static RationalApproximation forTolerance(int num, int den, double lambdaMin, double lambdaMax,
            double relativeError) {
        checkPower(num, den);
        checkRange(lambdaMin, lambdaMax);
        if (!(relativeError > 0 && relativeError < 1)) {
            throw new IllegalArgumentException("relativeError must be in (0, 1), got " + relativeError);
        }
        // The minimax error falls about geometrically with n: extrapolate from degrees 1 and 2, then walk to the
        // smallest degree that meets the tolerance (the error is non-increasing in n).
        RationalApproximation one = approximate(num, den, lambdaMin, lambdaMax, 1);
        if (one.maxRelativeError() <= relativeError) return one;
        RationalApproximation two = approximate(num, den, lambdaMin, lambdaMax, 2);
        double rate = two.maxRelativeError() / one.maxRelativeError();
        int guess = 2;
        if (rate < 1) {
            guess += (int) Math.ceil(StrictMath.log(relativeError / two.maxRelativeError()) / StrictMath.log(rate));
        }
        int n = Math.max(2, Math.min(MAX_DEGREE, guess));
        RationalApproximation best = n == 2 ? two : approximate(num, den, lambdaMin, lambdaMax, n);
        if (best.maxRelativeError() <= relativeError) {
            while (n > 2) {
                RationalApproximation lower = n == 3 ? two : approximate(num, den, lambdaMin, lambdaMax, n - 1);
                if (lower.maxRelativeError() > relativeError) break;
                best = lower;
                n--;
            }
            return best;
        }
        while (best.maxRelativeError() > relativeError) {
            if (n == MAX_DEGREE) {
                throw new IllegalArgumentException("relative error " + relativeError + " not reached by degree "
                        + MAX_DEGREE + " (" + best.maxRelativeError() + ")");
            }
            best = approximate(num, den, lambdaMin, lambdaMax, ++n);
        }
        return best;
    }

    static RationalApproximation toPartialFractions(MinimaxRational m, double lambdaMin, double lambdaMax) {
        MathContext mc = m.mc();
        PartialFractions pf = PartialFractions.of(m.numerator(), m.denominator(), mc);
        for (double t : m.extremaT()) {
            BigDecimal y = new BigDecimal(t).pow(m.q(), mc);
            BigDecimal rational = Polynomials.evaluate(m.numerator(), y, mc)
                    .divide(Polynomials.evaluate(m.denominator(), y, mc), mc);
            double mismatch = pf.evaluate(y, mc).subtract(rational, mc).divide(rational, mc).abs().doubleValue();
            if (!(mismatch <= PARTIAL_FRACTION_TOLERANCE)) {
                throw new IllegalStateException("partial fractions differ from P/Q by " + mismatch + " at y = " + y);
            }
        }
        int n = m.degree();
        double scale = StrictMath.pow(lambdaMax, (double) m.p() / m.q());
        double[] alpha = new double[n];
        double[] beta = new double[n];
        for (int k = 0; k < n; k++) {
            alpha[k] = scale * lambdaMax * pf.alpha()[k].doubleValue();
            beta[k] = lambdaMax * pf.beta()[k].doubleValue();
        }
        double[] extrema = new double[m.extremaT().length];
        for (int i = 0; i < extrema.length; i++) {
            extrema[i] = Math.min(lambdaMax, Math.max(lambdaMin, lambdaMax * StrictMath.pow(m.extremaT()[i], m.q())));
        }
        return new RationalApproximation(m.p(), m.q(), lambdaMin, lambdaMax, scale * pf.alpha0().doubleValue(),
                alpha, beta, m.levelledError(), extrema);
    }

    private static void checkPower(int num, int den) {
        if (den == 0) throw new IllegalArgumentException("power denominator den must be nonzero");
        if (num == 0) throw new IllegalArgumentException("power numerator num must be nonzero (x^0 = 1 needs no approximation)");
        if (Math.abs((long) num) >= Math.abs((long) den)) {
            throw new IllegalArgumentException("power num/den = " + num + "/" + den + " must lie strictly between -1 and 1"
                    + " (where the poles are real and negative); write other powers as x^k times such a power");
        }
    }

    private static void checkRange(double lambdaMin, double lambdaMax) {
        if (!(lambdaMin > 0) || Double.isInfinite(lambdaMin)) {
            throw new IllegalArgumentException("lambdaMin must be positive and finite, got " + lambdaMin);
        }
        if (!(lambdaMax > lambdaMin) || Double.isInfinite(lambdaMax)) {
            throw new IllegalArgumentException("lambdaMax must be finite and > lambdaMin = " + lambdaMin + ", got " + lambdaMax);
        }
        if (lambdaMax / lambdaMin > MAX_RANGE_RATIO) {
            throw new IllegalArgumentException("lambdaMax / lambdaMin = " + lambdaMax / lambdaMin + " exceeds " + MAX_RANGE_RATIO);
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
