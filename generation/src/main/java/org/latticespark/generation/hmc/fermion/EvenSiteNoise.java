package org.latticespark.generation.hmc.fermion;

import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/** The Gaussian χ of the pseudofermion heat baths on the even sites. */
final class EvenSiteNoise {
    private EvenSiteNoise() {}

    /**
     * Overwrites χ (even sites in the order of {@code lattice.sitesOfParity(0)}, chi.length / (V/2) doubles each) with
     * complex Gaussians, re and im ~ N(0, ½), site s drawn from {@code stream} at element = s (lexicographic),
     * update = trajectory, purpose = (PSEUDOFERMION, index): distinct terms of one run never share numbers.
     */
    static void draw(Lattice lattice, RandomStream stream, long trajectory, int index, double[] chi, Parallelism par) {
        int purpose = Purpose.of(Purpose.PSEUDOFERMION, index);
        int[] even = lattice.sitesOfParity(0);
        int stride = chi.length / even.length;
        double sd = Math.sqrt(0.5);
        par.forEach(even.length, i -> {
            CounterRng rng = stream.at(even[i], trajectory, purpose);
            for (int j = 0; j < stride; j++) chi[i * stride + j] = sd * rng.gaussian();
        });
    }
}
