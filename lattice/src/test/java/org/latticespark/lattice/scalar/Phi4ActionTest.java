package org.latticespark.lattice.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/**
 * The φ⁴ action's gradient against the 5-point numerical derivative (exact for a quartic up to rounding, so the
 * tolerance is tight), the hopping-form identity S_{m²,λ}(√κ φ̃) = S_hop(φ̃) − λ̃V, and parameter checks.
 */
class Phi4ActionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[] {4, 4}, -4.0, 8.0),
                Arguments.of(new int[] {4, 4}, 0.7, 1.3),
                Arguments.of(new int[] {3, 2, 4}, -1.0, 1.0),
                Arguments.of(new int[] {2, 3, 3}, 2.5, 0.4));
    }

    private static double[] randomField(Lattice lat, long seed, double width) {
        CounterRng rng = new RandomStream(seed, 0).at(0, 0, Purpose.of(Purpose.TEST, 0));
        double[] phi = new double[lat.volume()];
        for (int x = 0; x < phi.length; x++) phi[x] = width * rng.gaussian();
        return phi;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gradientIsTheNumericalDerivative(int[] extents, double m2, double lambda) {
        Lattice lat = new Lattice(extents);
        Phi4Action action = new Phi4Action(m2, lambda);
        double[] phi = randomField(lat, 17 + extents.length, 1.0);
        double[] grad = new double[phi.length];
        action.gradient(lat, phi, grad);
        double h = 1e-3;
        double worst = 0;
        for (int x = 0; x < phi.length; x++) {
            double p = phi[x];
            double[] s = new double[4];
            double[] shifts = {-2 * h, -h, h, 2 * h};
            for (int k = 0; k < 4; k++) {
                phi[x] = p + shifts[k];
                s[k] = action.action(lat, phi);
            }
            phi[x] = p;
            double numerical = (s[0] - 8 * s[1] + 8 * s[2] - s[3]) / (12 * h);
            assertEquals(numerical, grad[x], 1e-8 * (1 + Math.abs(numerical)), "dS/dphi at site " + x);
            assertEquals(grad[x], action.gradientAt(lat, phi, x), 0.0);
            worst = Math.max(worst, Math.abs(numerical - grad[x]) / (1 + Math.abs(numerical)));
        }
        assertEquals(0, worst, 1e-8);
    }

    /** S_hop(φ̃) = Σ_x [ −2κ Σ_μ φ̃(x)φ̃(x+μ̂) + φ̃(x)² + λ̃ (φ̃(x)² − 1)² ]. */
    private static double hoppingAction(Lattice lat, double[] phiTilde, double kappa, double lambdaTilde) {
        double s = 0;
        for (int x = 0; x < phiTilde.length; x++) {
            double p = phiTilde[x];
            double hop = 0;
            for (int mu = 0; mu < lat.dimensions(); mu++) hop += p * phiTilde[lat.up(x, mu)];
            double p2m1 = p * p - 1;
            s += -2 * kappa * hop + p * p + lambdaTilde * p2m1 * p2m1;
        }
        return s;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void hoppingFormIsTheSameTheoryUpToMinusLambdaTildeV(int[] extents, double ignoredM2, double ignoredLambda) {
        Lattice lat = new Lattice(extents);
        int d = extents.length;
        double[][] couplings = {{0.18, 1.145}, {0.31, 0.02}, {0.05, 0.0}};
        for (double[] c : couplings) {
            double kappa = c[0];
            double lambdaTilde = c[1];
            Phi4Action action = Phi4Action.fromHopping(kappa, lambdaTilde, d);
            assertEquals((1 - 2 * lambdaTilde) / kappa - 2 * d, action.mSquared(), 1e-12);
            assertEquals(lambdaTilde / (kappa * kappa), action.lambda(), 1e-12);
            double[] phiTilde = randomField(lat, 29, 1.3);
            double[] phi = new double[phiTilde.length];
            for (int x = 0; x < phi.length; x++) phi[x] = Math.sqrt(kappa) * phiTilde[x];
            double sHop = hoppingAction(lat, phiTilde, kappa, lambdaTilde);
            double difference = action.action(lat, phi) - sHop;
            assertEquals(-lambdaTilde * lat.volume(), difference, 1e-11 * (1 + Math.abs(sHop)),
                    "kappa=" + kappa + " lambdaTilde=" + lambdaTilde);
        }
    }

    @Test
    void badParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Phi4Action(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new Phi4Action(Double.POSITIVE_INFINITY, 1));
        assertThrows(IllegalArgumentException.class, () -> new Phi4Action(1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new Phi4Action(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Phi4Action(1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Phi4Action.fromHopping(0, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Phi4Action.fromHopping(-0.1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Phi4Action.fromHopping(Double.NaN, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Phi4Action.fromHopping(Double.POSITIVE_INFINITY, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Phi4Action.fromHopping(0.2, -1, 2));
    }
}
