package org.latticespark.measurement.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.scalar.Phi4Action;

/**
 * C(t) against the brute-force double sum over sites, Σ_t C(t) = V M², the symmetries φ → −φ (M odd, the rest even)
 * and lattice translations (all invariant), on random fields in 2d and 3d.
 */
class ScalarObservablesTest {
    private static final double TOL = 1e-12;

    private static Lattice lattice(int d) {
        return d == 2 ? new Lattice(4, 6) : new Lattice(3, 2, 5);
    }

    private static double[] randomField(Lattice lat, long seed) {
        CounterRng rng = new RandomStream(seed, 0).at(0, 0, Purpose.of(Purpose.TEST, 0));
        double[] phi = new double[lat.volume()];
        for (int x = 0; x < phi.length; x++) phi[x] = 0.3 + rng.gaussian();
        return phi;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void twoPointIsTheBruteForceDefinition(int d) {
        Lattice lat = lattice(d);
        double[] phi = randomField(lat, 3 + d);
        int v = lat.volume();
        int lt = lat.timeExtent();
        double[] brute = new double[lt];
        for (int x = 0; x < v; x++) {
            for (int y = 0; y < v; y++) {
                int t = Math.floorMod(lat.coordinate(y, d - 1) - lat.coordinate(x, d - 1), lt);
                brute[t] += phi[x] * phi[y] / v;
            }
        }
        double[] c = ScalarObservables.twoPoint(lat, phi);
        assertEquals(lt, c.length);
        double sum = 0;
        for (int t = 0; t < lt; t++) {
            assertEquals(brute[t], c[t], TOL, "C(" + t + ")");
            assertEquals(c[t], c[(lt - t) % lt], TOL, "C(t) = C(L_t - t)");
            sum += c[t];
        }
        double m = ScalarObservables.magnetization(lat, phi);
        assertEquals(v * m * m, sum, TOL, "sum_t C(t) = V M^2");

        double direct = 0;
        double p2 = 0;
        for (double p : phi) {
            direct += p;
            p2 += p * p;
        }
        assertEquals(direct / v, m, TOL);
        assertEquals(Math.abs(direct / v), ScalarObservables.absMagnetization(lat, phi), TOL);
        assertEquals(p2 / v, ScalarObservables.phiSquared(lat, phi), TOL);
        assertEquals(c[0] * v, sumOfSquaredSlices(lat, phi), TOL * v);
    }

    private static double sumOfSquaredSlices(Lattice lat, double[] phi) {
        double s = 0;
        for (double slice : ScalarObservables.sliceSums(lat, phi)) s += slice * slice;
        return s;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void reflectionAndTranslationSymmetries(int d) {
        Lattice lat = lattice(d);
        Phi4Action action = new Phi4Action(-1.3, 0.9);
        double[] phi = randomField(lat, 11 + d);
        double[] flipped = new double[phi.length];
        for (int x = 0; x < phi.length; x++) flipped[x] = -phi[x];
        assertEquals(-ScalarObservables.magnetization(lat, phi), ScalarObservables.magnetization(lat, flipped), TOL);
        assertObservablesEqual(lat, action, phi, flipped);

        int[] shift = d == 2 ? new int[] {1, 2} : new int[] {2, 1, 3};
        double[] translated = new double[phi.length];
        int[] x = new int[d];
        for (int site = 0; site < phi.length; site++) {
            lat.coordinates(site, x);
            for (int mu = 0; mu < d; mu++) x[mu] += shift[mu];
            translated[lat.index(x)] = phi[site];
        }
        assertEquals(ScalarObservables.magnetization(lat, phi), ScalarObservables.magnetization(lat, translated), TOL);
        assertObservablesEqual(lat, action, phi, translated);
    }

    private static void assertObservablesEqual(Lattice lat, Phi4Action action, double[] a, double[] b) {
        assertEquals(ScalarObservables.absMagnetization(lat, a), ScalarObservables.absMagnetization(lat, b), TOL);
        assertEquals(ScalarObservables.phiSquared(lat, a), ScalarObservables.phiSquared(lat, b), TOL);
        assertEquals(ScalarObservables.actionDensity(lat, a, action), ScalarObservables.actionDensity(lat, b, action),
                TOL);
        double[] ca = ScalarObservables.twoPoint(lat, a);
        double[] cb = ScalarObservables.twoPoint(lat, b);
        for (int t = 0; t < ca.length; t++) assertEquals(ca[t], cb[t], TOL, "C(" + t + ")");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void wrongLengthIsRefused(int d) {
        Lattice lat = lattice(d);
        double[] phi = new double[lat.volume() + 1];
        assertThrows(IllegalArgumentException.class, () -> ScalarObservables.magnetization(lat, phi));
        assertThrows(IllegalArgumentException.class, () -> ScalarObservables.twoPoint(lat, phi));
        assertThrows(IllegalArgumentException.class, () -> ScalarObservables.phiSquared(lat, phi));
    }
}
