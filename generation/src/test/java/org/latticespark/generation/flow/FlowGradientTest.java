package org.latticespark.generation.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.scalar.Phi4Action;

/**
 * The reverse-mode gradient of F(θ; z) = log q(f_θ(z)) + S(f_θ(z)) against central finite differences, for every
 * parameter and every z(x), on small nets in 2d and 3d. Smooth activations: 4th-order stencil, step 1e-3 (truncation
 * ~1e-12 relative); piecewise-linear ones: 2nd-order stencil, step 1e-7, which almost never straddles a kink.
 * Error measure: |g − g_fd| / max(|g_fd|, 1e-3 · max|g_fd|). Measured: smooth ≤ 2e-9, piecewise ≤ 1e-6.
 */
class FlowGradientTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[] {4, 4}, Activation.TANH, true, 1e-7),
                Arguments.of(new int[] {4, 4}, Activation.SILU, false, 1e-7),
                Arguments.of(new int[] {2, 2, 4}, Activation.TANH, true, 1e-7),
                Arguments.of(new int[] {4, 4}, Activation.LEAKY_RELU, true, 1e-5));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(int[] extents, Activation act, boolean tanhScale, double tolerance) {
        Lattice lat = new Lattice(extents);
        FlowArchitecture arch = new FlowArchitecture(2, new int[] {3}, 3, act, tanhScale);
        RealNvpFlow flow = FlowFixtures.randomFlow(lat, arch, 31, 0.3);
        Phi4Action action = new Phi4Action(-4, 8);
        RealNvpFlow.Workspace ws = flow.newWorkspace();
        double[] z = FlowFixtures.gaussianField(lat.volume(), 50);
        for (int i = 0; i < z.length; i++) z[i] *= 0.5;
        double[] grad = new double[flow.parameterCount()];
        double[] gradZ = new double[z.length];
        flow.reverseKl(z, action, grad, gradZ, ws);

        boolean smooth = act == Activation.TANH || act == Activation.SILU;
        double[] p = flow.parameters();
        double[] fdParams = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            int i = k;
            double keep = p[i];
            fdParams[i] = derivative(h -> {
                p[i] = keep + h;
                double f = flow.reverseKl(z, action, new double[p.length], null, ws);
                p[i] = keep;
                return f;
            }, smooth);
        }
        double[] fdZ = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            int x = k;
            double keep = z[x];
            fdZ[x] = derivative(h -> {
                z[x] = keep + h;
                double f = flow.reverseKl(z, action, new double[p.length], null, ws);
                z[x] = keep;
                return f;
            }, smooth);
        }
        double errParams = relativeError(grad, fdParams);
        double errZ = relativeError(gradZ, fdZ);
        assertTrue(errParams < tolerance, "parameter gradient error " + errParams);
        assertTrue(errZ < tolerance, "z gradient error " + errZ);
    }

    private static double derivative(java.util.function.DoubleUnaryOperator f, boolean smooth) {
        if (smooth) {
            double h = 1e-3;
            double fp = 8 * f.applyAsDouble(h) - f.applyAsDouble(2 * h);
            double fm = 8 * f.applyAsDouble(-h) - f.applyAsDouble(-2 * h);
            return (fp - fm) / (12 * h);
        }
        double h = 1e-7;
        return (f.applyAsDouble(h) - f.applyAsDouble(-h)) / (2 * h);
    }

    private static double relativeError(double[] g, double[] fd) {
        double scale = 0;
        for (double v : fd) scale = Math.max(scale, Math.abs(v));
        double worst = 0;
        for (int i = 0; i < g.length; i++) {
            worst = Math.max(worst, Math.abs(g[i] - fd[i]) / Math.max(Math.abs(fd[i]), 1e-3 * scale));
        }
        return worst;
    }
}
