package org.latticespark.lattice.rational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.RandomStream;

/** The partial-fraction form: positive distinct shifts, same function as P/Q, and r(A) b for a diagonal A. */
class PartialFractionFormTest {
    private static final double EPS = Math.ulp(1.0);

    @ParameterizedTest
    @CsvSource({"-1, 2, 1e-3, 10, 6", "-1, 2, 1e-4, 64, 12", "1, 4, 1e-3, 10, 12", "1, 4, 1e-4, 64, 6"})
    void shiftsArePositiveAndDistinct(int num, int den, double lambdaMin, double lambdaMax, int degree) {
        double[] beta = Approximations.get(num, den, lambdaMin, lambdaMax, degree).betas();
        assertEquals(degree, beta.length);
        assertTrue(beta[0] > 0, "smallest shift " + beta[0]);
        for (int k = 1; k < degree; k++) assertTrue(beta[k] > beta[k - 1] * (1 + 1e-6), "distinct shifts " + k);
    }

    /**
     * value(x) in double against λ_max^{p/q} P(y)/Q(y), y = x/λ_max, in BigDecimal: the difference must stay within
     * the rounding bound (n + 4) ε Σ_k |terms| of the double sum (ε = ulp(1)).
     */
    @ParameterizedTest
    @CsvSource({"-1, 2, 1e-3, 10, 12", "-1, 2, 1e-4, 64, 12", "1, 4, 1e-3, 10, 12", "1, 4, 1e-4, 64, 9"})
    void partialFractionsReproduceTheRationalFunction(int num, int den, double lambdaMin, double lambdaMax, int n) {
        MinimaxRational m = Remez.minimax(num, den, lambdaMin / lambdaMax, n);
        RationalApproximation r = Remez.toPartialFractions(m, lambdaMin, lambdaMax);
        MathContext mc = m.mc();
        double scale = Math.pow(lambdaMax, (double) num / den);
        double[] alpha = r.alphas(), beta = r.betas();
        double worst = 0;
        for (int i = 0; i <= 400; i++) {
            double x = lambdaMin * Math.pow(lambdaMax / lambdaMin, i / 400.0);
            BigDecimal y = new BigDecimal(x).divide(new BigDecimal(lambdaMax), mc);
            double exact = new BigDecimal(scale).multiply(Polynomials.evaluate(m.numerator(), y, mc), mc)
                    .divide(Polynomials.evaluate(m.denominator(), y, mc), mc).doubleValue();
            double magnitude = Math.abs(r.alpha0());
            for (int k = 0; k < n; k++) magnitude += Math.abs(alpha[k] / (x + beta[k]));
            double difference = Math.abs(r.value(x) - exact);
            assertTrue(difference <= (n + 4) * EPS * magnitude, "x = " + x + ": " + difference);
            worst = Math.max(worst, difference / Math.abs(exact));
        }
        assertTrue(worst < 1e-12, "worst relative difference " + worst);
    }

    /** r(A) b = α₀ b + Σ α_k (A + β_k)⁻¹ b for diagonal A equals A^{p/q} b within the maximal relative error. */
    @ParameterizedTest
    @CsvSource({"-1, 2, 1e-4, 64, 12, 11", "1, 4, 1e-3, 10, 9, 12"})
    void appliedToDiagonalMatrixMatchesExactPower(int num, int den, double lambdaMin, double lambdaMax, int n, long seed) {
        RationalApproximation r = Approximations.get(num, den, lambdaMin, lambdaMax, n);
        int size = 500;
        CounterRng rng = new RandomStream(seed, 0).at(0, 0, 0);
        double[] eigen = new double[size], b = new double[size];
        for (int i = 0; i < size; i++) {
            eigen[i] = i == 0 ? lambdaMin : i == 1 ? lambdaMax : lambdaMin * Math.pow(lambdaMax / lambdaMin, rng.uniform());
            b[i] = rng.gaussian();
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) out[i] = r.alpha0() * b[i];
        double[] alpha = r.alphas(), beta = r.betas();
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < size; i++) out[i] += alpha[k] * (b[i] / (eigen[i] + beta[k]));
        }
        double bound = r.maxRelativeError() * (1 + 1e-6) + 1e-14;
        double diffNorm = 0, exactNorm = 0;
        for (int i = 0; i < size; i++) {
            double exact = Math.pow(eigen[i], (double) num / den) * b[i];
            assertTrue(Math.abs(out[i] - exact) <= bound * Math.abs(exact), "component " + i);
            diffNorm += (out[i] - exact) * (out[i] - exact);
            exactNorm += exact * exact;
        }
        assertTrue(Math.sqrt(diffNorm / exactNorm) <= bound);
    }
}
