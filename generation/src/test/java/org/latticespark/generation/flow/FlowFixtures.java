package org.latticespark.generation.flow;

import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/** Flows far from the identity (random O(scale) weights) and random fields, for the exactness tests. */
final class FlowFixtures {
    private FlowFixtures() {}

    static RealNvpFlow randomFlow(Lattice lattice, FlowArchitecture arch, long seed, double scale) {
        double[] p = new double[arch.parameterCount(lattice.dimensions())];
        CounterRng rng = new RandomStream(seed, 0).at(0, 0, Purpose.of(Purpose.TEST, 1));
        for (int i = 0; i < p.length; i++) p[i] = scale * rng.gaussian();
        return new RealNvpFlow(lattice, arch, p);
    }

    static double[] gaussianField(int volume, long seed) {
        CounterRng rng = new RandomStream(seed, 0).at(0, 0, Purpose.of(Purpose.TEST, 2));
        double[] z = new double[volume];
        for (int i = 0; i < volume; i++) z[i] = rng.gaussian();
        return z;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
