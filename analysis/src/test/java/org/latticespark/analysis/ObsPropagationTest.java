package org.latticespark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObsPropagationTest {

    /** Two correlated AR(1) observables on 3 chains: y = x + independent AR(1) noise, so ρ_xy ≈ 0.7. */
    private static double[][][] correlatedPair(long seed) {
        int[] lengths = {4000, 3000, 5000};
        double[][] x = new double[3][];
        double[][] y = new double[3][];
        for (int r = 0; r < 3; r++) {
            double[] a = Ar1.series(0.8, lengths[r], seed + r);
            double[] b = Ar1.series(0.6, lengths[r], seed + 100 + r);
            x[r] = new double[lengths[r]];
            y[r] = new double[lengths[r]];
            for (int i = 0; i < lengths[r]; i++) {
                x[r][i] = 2.0 + 0.3 * a[i];
                y[r][i] = 5.0 + 0.3 * a[i] + 0.3 * b[i];
            }
        }
        return new double[][][] {x, y};
    }

    @Test
    void primaryObsEqualsGammaMethodExactly() {
        double[][] x = correlatedPair(1)[0];
        GammaResult direct = GammaMethod.analyze(x, 1.5);
        ObsResult viaObs = Obs.primary("e", x).analyze(1.5);
        GammaResult g = viaObs.on("e");
        assertEquals(direct.value(), viaObs.value(), 0.0);
        assertEquals(direct.error(), viaObs.error(), 0.0);
        assertEquals(direct.tauInt(), g.tauInt(), 0.0);
        assertEquals(direct.tauIntError(), g.tauIntError(), 0.0);
        assertEquals(direct.window(), g.window());
        assertEquals(direct.errorOfError(), g.errorOfError(), 0.0);
    }

    /**
     * Linear propagation of f(x̄, ȳ) equals the Γ-method of the linearised series
     * f(x̄, ȳ) + ∂f/∂x (x_i − x̄_r) + ∂f/∂y (y_i − ȳ_r), which has the same fluctuations, to rounding.
     */
    @Test
    void propagatedErrorEqualsDirectAnalysisOfLinearisedSeries() {
        double[][][] data = correlatedPair(7);
        Obs x = Obs.primary("e", data[0]);
        Obs y = Obs.primary("e", data[1]);
        Obs ratio = x.dividedBy(y);
        double dx = 1 / y.value();
        double dy = -x.value() / (y.value() * y.value());
        double[][] linearised = new double[3][];
        for (int r = 0; r < 3; r++) {
            double mx = mean(data[0][r]);
            double my = mean(data[1][r]);
            linearised[r] = new double[data[0][r].length];
            for (int i = 0; i < linearised[r].length; i++) {
                linearised[r][i] = ratio.value() + dx * (data[0][r][i] - mx) + dy * (data[1][r][i] - my);
            }
        }
        GammaResult direct = GammaMethod.analyze(linearised);
        ObsResult propagated = ratio.analyze();
        assertEquals(direct.error(), propagated.error(), 1e-12 * direct.error());
        assertEquals(direct.tauInt(), propagated.on("e").tauInt(), 1e-10);
        assertEquals(direct.window(), propagated.on("e").window());
    }

    /**
     * The derived series f(x_i, y_i) analysed directly has nearly the same error; its mean differs from
     * f(x̄, ȳ) by the second-order bias ½ Σ ∂²f/∂x_a∂x_b Cov_ab = ½ (Var y / ȳ² − Var x / x̄²) for log(x/y).
     */
    @Test
    void propagatedErrorAgreesWithDirectAnalysisOfDerivedSeries() {
        double[][][] data = correlatedPair(11);
        double[][] logRatio = new double[3][];
        for (int r = 0; r < 3; r++) {
            logRatio[r] = new double[data[0][r].length];
            for (int i = 0; i < logRatio[r].length; i++) {
                logRatio[r][i] = Math.log(data[0][r][i] / data[1][r][i]);
            }
        }
        GammaResult direct = GammaMethod.analyze(logRatio);
        Obs derived = Obs.derive(v -> Math.log(v[0] / v[1]), Obs.primary("e", data[0]), Obs.primary("e", data[1]));
        ObsResult propagated = derived.analyze();
        assertEquals(direct.error(), propagated.error(), 0.05 * direct.error());
        double vx = variance(data[0]);
        double vy = variance(data[1]);
        double x = Obs.primary("e", data[0]).value();
        double y = Obs.primary("e", data[1]).value();
        double bias = 0.5 * (vy / (y * y) - vx / (x * x));
        assertEquals(bias, direct.value() - propagated.value(), 0.1 * Math.abs(bias));
    }

    @Test
    void correlationsAreKept() {
        double[][][] data = correlatedPair(3);
        Obs x = Obs.primary("e", data[0]);
        assertEquals(0.0, x.minus(x).error(), 0.0);
        assertEquals(2 * x.error(), x.plus(x).error(), 1e-14);
        Obs y = Obs.primary("e", data[1]);
        double sx = x.error();
        double sy = y.error();
        // Positively correlated: the difference has a smaller error than independent data would give.
        assertTrue(x.minus(y).error() < Math.sqrt(sx * sx + sy * sy) * 0.8);
    }

    @Test
    void independentEnsemblesAddInQuadrature() {
        Obs a = Obs.primary("a", correlatedPair(5)[0]);
        Obs b = Obs.primary("b", correlatedPair(6)[1]);
        ObsResult sum = a.plus(b).analyze();
        assertEquals(Math.hypot(a.error(), b.error()), sum.error(), 1e-14 * sum.error());
        assertEquals(List.of("a", "b"), List.copyOf(sum.byEnsemble().keySet()));
        assertEquals(a.analyze().on("a").tauInt(), sum.on("a").tauInt(), 1e-12);
    }

    @Test
    void numericalAndExactGradientsAgree() {
        double[][][] data = correlatedPair(9);
        Obs x = Obs.primary("e", data[0]);
        Obs y = Obs.primary("e", data[1]);
        Obs exact = x.dividedBy(y).log().times(x.sqrt());
        Obs numerical = Obs.derive(v -> Math.log(v[0] / v[1]) * Math.sqrt(v[0]), x, y);
        assertEquals(exact.value(), numerical.value(), 1e-14);
        assertEquals(exact.error(), numerical.error(), 1e-9 * exact.error());
    }

    @Test
    void mismatchedSamplesAreRefused() {
        double[][][] data = correlatedPair(2);
        Obs x = Obs.primary("e", data[0]);
        double[][] shorter = {data[1][0], data[1][1], java.util.Arrays.copyOf(data[1][2], 4999)};
        Obs y = Obs.primary("e", shorter);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.plus(y));
        assertTrue(e.getMessage().contains("ensemble e, replica 2"), e.getMessage());
        Obs twoChains = Obs.primary("e", new double[][] {data[1][0], data[1][1]});
        e = assertThrows(IllegalArgumentException.class, () -> x.times(twoChains));
        assertTrue(e.getMessage().contains("2 replicas"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.dividedBy(x.minus(x)));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
    }

    @Test
    void badPrimaryInputNamesTheEnsemble() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Obs.primary("beta6", new double[][] {{1, 2, Double.NaN, 4, 5}}));
        assertTrue(e.getMessage().startsWith("ensemble beta6: replica 0, index 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Obs.primary("b", new double[][] {{1, 2, 3, 4}}, new long[][] {{0, 2, 2, 3}}));
        assertTrue(e.getMessage().contains("increase strictly"), e.getMessage());
    }

    private static double variance(double[][] replicas) {
        double s = 0;
        double s2 = 0;
        long n = 0;
        for (double[] r : replicas) {
            for (double v : r) {
                s += v;
                s2 += v * v;
                n++;
            }
        }
        return s2 / n - (s / n) * (s / n);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
