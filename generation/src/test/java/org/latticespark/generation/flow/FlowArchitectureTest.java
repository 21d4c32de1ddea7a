package org.latticespark.generation.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/**
 * Validation names the configuration key; parameter counts; the periodic neighbour table; activations and their
 * derivatives; ESS/N; and the untrained flow: near, but not exactly, the identity and reproducible from its seed.
 */
class FlowArchitectureTest {
    @Test
    void validationNamesTheKey() {
        assertMessage("flow.layers: must be even and >= 2, got 3",
                () -> new FlowArchitecture(3, new int[] {8}, 3, Activation.TANH));
        assertMessage("flow.layers: must be even and >= 2, got 0",
                () -> new FlowArchitecture(0, new int[] {8}, 3, Activation.TANH));
        assertMessage("flow.kernel-size: must be odd, got 4",
                () -> new FlowArchitecture(2, new int[] {8}, 4, Activation.TANH));
        assertMessage("flow.kernel-size: must be >= 1, got -1",
                () -> new FlowArchitecture(2, new int[] {8}, -1, Activation.TANH));
        assertMessage("flow.hidden-channels: each entry must be >= 1, got [8, 0]",
                () -> new FlowArchitecture(2, new int[] {8, 0}, 3, Activation.TANH));
        assertMessage("flow.activation: must be one of tanh, leaky_relu, relu, silu, got gelu",
                () -> Activation.parse("gelu"));
        assertEquals(Activation.LEAKY_RELU, Activation.parse("Leaky-ReLU"));
    }

    @Test
    void parameterCountsAndCopies() {
        int[] hidden = {8, 8};
        FlowArchitecture a = new FlowArchitecture(8, hidden, 3, Activation.LEAKY_RELU);
        hidden[0] = 99;
        assertEquals(8, a.hiddenChannels()[0], "defensive copy");
        // per layer: 1·8·9 + 8 + 8·8·9 + 8 + 8·2·9 + 2 = 810 in 2d; 27 taps in 3d.
        assertEquals(8 * 810, a.parameterCount(2));
        assertEquals(8 * (8 * 27 + 8 + 64 * 27 + 8 + 16 * 27 + 2), a.parameterCount(3));
        assertEquals(a, new FlowArchitecture(8, new int[] {8, 8}, 3, Activation.LEAKY_RELU, true));
        assertNotEquals(a, new FlowArchitecture(8, new int[] {8, 8}, 3, Activation.LEAKY_RELU, false));
    }

    @Test
    void neighbourTableWrapsPeriodically() {
        Lattice lat = new Lattice(4, 2, 3);
        int[] table = PeriodicConvolution.neighbourTable(lat, 3);
        int site = lat.index(0, 1, 2);
        // tap digits (direction 0 fastest) 0 → offset −1, 2 → +1.
        assertEquals(lat.index(3, 0, 1), table[site * 27]);
        assertEquals(site, table[site * 27 + 13]);
        assertEquals(lat.index(1, 0, 0), table[site * 27 + 26]);
        int[] wide = PeriodicConvolution.neighbourTable(new Lattice(2, 2), 5);
        assertEquals(new Lattice(2, 2).index(0, 0), wide[0], "offset −2 wraps fully on L = 2");
    }

    @Test
    void activationDerivativesMatchDifferences() {
        for (Activation a : Activation.values()) {
            for (double x : new double[] {-2.3, -0.4, 0.3, 1.7}) {
                double h = 1e-6;
                double fd = (a.value(x + h) - a.value(x - h)) / (2 * h);
                assertEquals(fd, a.derivative(x), 1e-8, a + " at " + x);
            }
        }
        assertEquals(-0.02, Activation.LEAKY_RELU.value(-2), 0.0);
        assertEquals(0.0, Activation.SILU.value(-800), 0.0);
    }

    @Test
    void effectiveSampleSize() {
        assertEquals(1.0, EffectiveSampleSize.fraction(new double[] {1000, 1000, 1000}), 1e-15);
        assertEquals(0.25, EffectiveSampleSize.fraction(new double[] {5000, -1e300, Double.NEGATIVE_INFINITY, -2000}),
                1e-15);
        // w = (1, 2): (3)²/(2·5) = 0.9
        assertEquals(0.9, EffectiveSampleSize.fraction(new double[] {-700, -700 + Math.log(2)}), 1e-12);
        assertTrue(Double.isNaN(EffectiveSampleSize.fraction(new double[] {0, Double.NaN})));
    }

    @Test
    void untrainedFlowIsNearButNotTheIdentityAndReproducible() {
        Lattice lat = new Lattice(4, 4);
        FlowArchitecture arch = new FlowArchitecture(4, new int[] {8, 8}, 3, Activation.LEAKY_RELU);
        RealNvpFlow flow = RealNvpFlow.initial(lat, arch, 42);
        assertEquals(arch.parameterCount(2), flow.parameterCount());
        double[] z = FlowFixtures.gaussianField(16, 1);
        double[] phi = new double[16];
        double logDet = flow.forward(z, phi, flow.newWorkspace());
        double d = FlowFixtures.maxAbsDiff(z, phi);
        assertTrue(d > 1e-4 && d < 0.2, "untrained flow moves the field by " + d);
        assertTrue(Math.abs(logDet) < 0.5 && logDet != 0, "untrained log det " + logDet);
        assertEquals(0.0, FlowFixtures.maxAbsDiff(flow.parameters(), RealNvpFlow.initial(lat, arch, 42).parameters()));
        assertTrue(FlowFixtures.maxAbsDiff(flow.parameters(), RealNvpFlow.initial(lat, arch, 43).parameters()) > 0.1);
        // The first tensor is drawn at the documented address.
        double sigma = Activation.LEAKY_RELU.gain() / 3.0;
        assertEquals(sigma * new RandomStream(42, 0).at(0, 0, Purpose.of(Purpose.FLOW_INIT, 0)).gaussian(),
                flow.parameters()[0], 0.0);
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
