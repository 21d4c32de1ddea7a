package org.latticespark.lattice.fermion.wilson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latticespark.lattice.fermion.ComplexFields;

class GammaBasisTest {
    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void gammasAreHermitianAndSatisfyTheCliffordAlgebra(int d) {
        GammaBasis b = GammaBasis.of(d);
        int s = b.spins();
        for (int mu = 0; mu < d; mu++) {
            double[] g = b.gamma(mu);
            assertEquals(0, ComplexFields.maxAbsDiff(g, dagger(s, g)), "gamma_" + mu + " Hermitian");
            for (int nu = 0; nu < d; nu++) {
                double[] anti = add(mul(s, g, b.gamma(nu)), mul(s, b.gamma(nu), g));
                double[] expected = scale(identity(s), mu == nu ? 2 : 0);
                assertEquals(0, ComplexFields.maxAbsDiff(anti, expected), "{gamma_" + mu + ", gamma_" + nu + "}");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void gamma5IsTheDocumentedDiagonalProductAndAnticommutes(int d) {
        GammaBasis b = GammaBasis.of(d);
        int s = b.spins();
        double[] product = b.gamma(0);
        for (int mu = 1; mu < d; mu++) product = mul(s, product, b.gamma(mu));
        if (d == 2) product = mulByMinusI(product);
        double[] g5 = b.gamma5();
        assertEquals(0, ComplexFields.maxAbsDiff(product, g5), "gamma5 = gamma0 gamma1 gamma2 gamma3 (d=4), -i gamma0 gamma1 (d=2)");
        assertEquals(0, ComplexFields.maxAbsDiff(mul(s, g5, g5), identity(s)));
        for (int mu = 0; mu < d; mu++) {
            double[] anti = add(mul(s, g5, b.gamma(mu)), mul(s, b.gamma(mu), g5));
            assertEquals(0, ComplexFields.maxAbs(anti), "{gamma5, gamma_" + mu + "}");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void projectionTablesDescribeTheDenseMatrices(int d) {
        GammaBasis b = GammaBasis.of(d);
        int s = b.spins();
        for (int mu = 0; mu < d; mu++) {
            double[] rebuilt = new double[2 * s * s];
            for (int k = 0; k < s / 2; k++) {
                int p = b.partner(mu, k);
                rebuilt[2 * (k * s + p)] = b.phaseRe(mu, k);
                rebuilt[2 * (k * s + p) + 1] = b.phaseIm(mu, k);
                rebuilt[2 * (p * s + k)] = b.phaseRe(mu, k);
                rebuilt[2 * (p * s + k) + 1] = -b.phaseIm(mu, k);
            }
            assertEquals(0, ComplexFields.maxAbsDiff(rebuilt, b.gamma(mu)), "gamma_" + mu);
        }
    }

    @Test
    void applyGamma5FlipsTheLowerSpinComponents() {
        GammaBasis b = GammaBasis.of(4);
        int colours = 3;
        double[] in = ComplexFields.gaussian(2 * 4 * colours * 5, 3, 0);
        double[] out = new double[in.length];
        b.applyGamma5(colours, in, out);
        for (int i = 0; i < in.length; i++) {
            int spin = (i % (2 * 4 * colours)) / (2 * colours);
            assertEquals(spin < 2 ? in[i] : -in[i], out[i]);
        }
    }

    @Test
    void oddDimensionsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GammaBasis.of(3));
        assertEquals(true, e.getMessage().contains("d = 3"));
    }

    static double[] mul(int n, double[] a, double[] b) {
        double[] c = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    int x = 2 * (i * n + k), y = 2 * (k * n + j), z = 2 * (i * n + j);
                    c[z] += a[x] * b[y] - a[x + 1] * b[y + 1];
                    c[z + 1] += a[x] * b[y + 1] + a[x + 1] * b[y];
                }
            }
        }
        return c;
    }

    static double[] dagger(int n, double[] a) {
        double[] c = new double[a.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[2 * (i * n + j)] = a[2 * (j * n + i)];
                c[2 * (i * n + j) + 1] = -a[2 * (j * n + i) + 1];
            }
        }
        return c;
    }

    static double[] identity(int n) {
        double[] c = new double[2 * n * n];
        for (int i = 0; i < n; i++) c[2 * (i * n + i)] = 1;
        return c;
    }

    private static double[] add(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = a[i] + b[i];
        return c;
    }

    private static double[] scale(double[] a, double f) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = f * a[i];
        return c;
    }

    private static double[] mulByMinusI(double[] a) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i += 2) {
            c[i] = a[i + 1];
            c[i + 1] = -a[i];
        }
        return c;
    }
}
