package org.latticespark.lattice.bench;

import java.util.ArrayList;
import java.util.List;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.fermion.wilson.WilsonEvenOdd;
import org.latticespark.lattice.fermion.wilson.WilsonOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/**
 * Throughput of the Dirac operators against the machine's memory bandwidth: first the STREAM-like
 * {@link Triad}, then every {@link Kernel} on every lattice, applied repeatedly to a Gaussian vector on a
 * Haar-random (hot) gauge field ({@link Timing}), and one CG solve per lattice ({@link CgBenchmark}). Kernels,
 * solver and triad run on the same number of threads.
 * The figures are measurements, not checked against anything.
 */
public final class DslashBenchmark {
    /** Untimed applications before the warm-up clock may stop, so even a tiny warm-up time compiles the loop. */
    static final int MIN_WARMUP_APPLICATIONS = 3;
    private static final double MASS = 0.1;
    private static final double KAPPA = 0.125;

    private DslashBenchmark() {}

    public static BenchReport run(BenchSettings settings) {
        try (Parallelism par = new Parallelism(settings.threads())) {
            TriadResult triad = Triad.measure(settings.triadElements(), settings.triadRepetitions(), par);
            List<KernelResult> results = new ArrayList<>();
            List<CgResult> solves = new ArrayList<>();
            for (int l = 0; l < settings.lattices().size(); l++) {
                Lattice lattice = settings.lattices().get(l);
                RandomStream stream = new RandomStream(settings.seed(), l);
                GaugeField gauge = GaugeField.hot(lattice, settings.group(), stream, par);
                for (Kernel k : Kernel.values()) {
                    results.add(time(k, gauge, stream, par, settings, triad.gigabytesPerSecond()));
                }
                int evenLength = lattice.volume() / 2 * 2 * settings.group().n();
                solves.add(CgBenchmark.run(gauge, gaussian(evenLength, stream, Kernel.values().length), par,
                        triad.gigabytesPerSecond()));
            }
            return new BenchReport(Runtime.getRuntime().availableProcessors(), settings.threads(),
                    BenchReport.currentJvm(), triad, results, solves);
        }
    }

    private static KernelResult time(Kernel kernel, GaugeField gauge, RandomStream stream, Parallelism par,
            BenchSettings settings, double triadGbs) {
        Lattice lattice = gauge.lattice();
        int n = gauge.group().n();
        int d = lattice.dimensions();
        int sites = kernel.outputSites(lattice.volume());
        int length = sites * 2 * kernel.spins(d) * n;
        double[] in = gaussian(length, stream, kernel.ordinal());
        double[] out = new double[length];
        Runnable apply = kernelRunnable(kernel, gauge, par, in, out);
        Timing timing = Timing.of(apply, settings.warmupSeconds(), MIN_WARMUP_APPLICATIONS, settings.seconds());
        for (double v : out) {
            if (!Double.isFinite(v)) throw new IllegalStateException(kernel.label() + " produced a non-finite value");
        }
        return new KernelResult(lattice, gauge.group().name(), kernel, sites, kernel.flopsPerSite(n, d),
                kernel.bytesPerSite(n, d), timing, triadGbs);
    }

    private static Runnable kernelRunnable(Kernel kernel, GaugeField gauge, Parallelism par, double[] in, double[] out) {
        switch (kernel) {
            case STAGGERED_FULL: {
                StaggeredOperator op = new StaggeredOperator(gauge, MASS, par);
                return () -> op.applyHopping(in, out);
            }
            case STAGGERED_EO: {
                StaggeredOperator op = new StaggeredOperator(gauge, MASS, par);
                return () -> op.applyEvenOdd(in, out);
            }
            case WILSON_FULL: {
                WilsonOperator op = new WilsonOperator(gauge, KAPPA, par);
                return () -> op.applyHopping(in, out, false);
            }
            case WILSON_EO: {
                WilsonEvenOdd op = new WilsonEvenOdd(gauge, KAPPA, par);
                return () -> op.hoppingEvenOdd(in, out, false);
            }
            default:
                throw new IllegalStateException("no kernel for " + kernel);
        }
    }

    /** Standard normal numbers drawn in order from one cursor of the stream (test purpose, one sub-step per kernel). */
    private static double[] gaussian(int length, RandomStream stream, int subStep) {
        double[] v = new double[length];
        CounterRng rng = stream.at(0, 1, Purpose.of(Purpose.TEST, subStep));
        for (int i = 0; i < length; i++) v[i] = rng.gaussian();
        return v;
    }
}
