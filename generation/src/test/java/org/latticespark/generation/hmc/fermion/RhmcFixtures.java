package org.latticespark.generation.hmc.fermion;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/** Shared by the RHMC tests: Remez runs take a second each, so approximations are made once per JVM. */
final class RhmcFixtures {
    private static final Map<String, StaggeredRationalApproximations> CACHE = new ConcurrentHashMap<>();

    private RhmcFixtures() {}

    static StaggeredRationalApproximations approximations(int dimensions, int flavours, double mass, double tolerance,
            double forceTolerance) {
        String key = dimensions + "/" + flavours + "/" + mass + "/" + tolerance + "/" + forceTolerance;
        return CACHE.computeIfAbsent(key,
                k -> StaggeredRationalApproximations.create(dimensions, flavours, mass, tolerance, forceTolerance));
    }

    /** The χ the heat bath draws: even sites in sitesOfParity(0) order, keyed (site, trajectory, (PSEUDOFERMION, index)). */
    static double[] chi(Lattice lat, int colours, RandomStream stream, long trajectory, int index) {
        int[] even = lat.sitesOfParity(0);
        double[] chi = new double[even.length * 2 * colours];
        for (int i = 0; i < even.length; i++) {
            CounterRng rng = stream.at(even[i], trajectory, Purpose.of(Purpose.PSEUDOFERMION, index));
            for (int j = 0; j < 2 * colours; j++) chi[i * 2 * colours + j] = Math.sqrt(0.5) * rng.gaussian();
        }
        return chi;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }
}
