package org.latticespark.tests.physics;

import java.util.ArrayList;
import java.util.List;
import org.latticespark.analysis.GammaMethod;
import org.latticespark.analysis.GammaResult;
import org.latticespark.generation.Chain;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.ProgressListener;
import org.latticespark.generation.SavedConfiguration;
import org.latticespark.generation.UpdateRecord;

/** Runs every chain of a configuration and keeps the per-update records after thermalisation. */
final class ChainSeries {
    final List<List<UpdateRecord>> chains = new ArrayList<>();

    ChainSeries(ChainConfig config) {
        for (int c = 0; c < config.chains; c++) {
            List<UpdateRecord> records = new ArrayList<>();
            try (Chain chain = Chain.start(config, c, ProgressListener.NONE)) {
                while (chain.hasNext()) {
                    SavedConfiguration saved = chain.next();
                    for (UpdateRecord r : saved.history()) {
                        if (r.index() > config.thermalization) records.add(r);
                    }
                }
            }
            chains.add(records);
        }
    }

    GammaResult analyze(java.util.function.ToDoubleFunction<UpdateRecord> observable) {
        double[][] replicas = new double[chains.size()][];
        for (int c = 0; c < chains.size(); c++) {
            replicas[c] = chains.get(c).stream().mapToDouble(observable).toArray();
        }
        return GammaMethod.analyze(replicas);
    }

    GammaResult plaquette() { return analyze(UpdateRecord::plaquette); }

    GammaResult acceptance() { return analyze(r -> r.accepted() ? 1 : 0); }

    GammaResult expMinusDeltaH() { return analyze(r -> Math.exp(-r.deltaH())); }

    /** One line for the test report: value ± error against the expected value. */
    static void report(String what, GammaResult r, double expected) {
        System.out.printf(java.util.Locale.ROOT, "%s: %.6f ± %.6f (tau_int %.2f, N %d), expected %.6f, z = %.2f%n", what,
                r.value(), r.error(), r.tauInt(), r.samples(), expected, (r.value() - expected) / r.error());
    }

    /** |a − b| in units of the combined error. */
    static double pull(double a, double errA, double b, double errB) {
        return Math.abs(a - b) / Math.sqrt(errA * errA + errB * errB);
    }
}
