package org.latticespark.generation.scalar;

import org.latticespark.generation.UpdateRecord;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.scalar.ScalarField;

/**
 * Runs a scalar chain and records, per update, the observables the physics tests compare: ⟨φ²⟩, V M², |M|, S/V
 * (from the record), C(t) for t = 0 … L_t/2 (C(t) = (1/V) Σ_{t0} Φ(t0) Φ(t0 + t), Φ the time-slice sums), e^{−ΔH} and
 * the acceptance.
 */
final class Phi4Series {
    final double[] phi2;
    final double[] volumeMSquared;
    final double[] absM;
    final double[] actionDensity;
    final double[][] twoPoint;
    final double[] expMinusDeltaH;
    int accepted;

    private Phi4Series(int n, int times) {
        phi2 = new double[n];
        volumeMSquared = new double[n];
        absM = new double[n];
        actionDensity = new double[n];
        twoPoint = new double[times][n];
        expMinusDeltaH = new double[n];
    }

    /** {@code thermalization} updates, then {@code n} recorded ones, indices continuing from 1. */
    static Phi4Series run(ScalarSampler sampler, ScalarField field, int thermalization, int n) {
        Lattice lat = field.lattice();
        int lt = lat.timeExtent();
        int spatial = lat.spatialVolume();
        int v = lat.volume();
        Phi4Series s = new Phi4Series(n, lt / 2 + 1);
        double[] slices = new double[lt];
        long index = 1;
        for (int i = 0; i < thermalization; i++) sampler.update(field, index++);
        double[] phi = field.values();
        for (int i = 0; i < n; i++) {
            UpdateRecord r = sampler.update(field, index++);
            if (r.accepted()) s.accepted++;
            s.expMinusDeltaH[i] = Math.exp(-r.deltaH());
            s.actionDensity[i] = r.plaquette();
            double sum = 0;
            double sumSquares = 0;
            for (int t = 0; t < lt; t++) {
                double slice = 0;
                for (int x = t * spatial; x < (t + 1) * spatial; x++) {
                    slice += phi[x];
                    sumSquares += phi[x] * phi[x];
                }
                slices[t] = slice;
                sum += slice;
            }
            s.phi2[i] = sumSquares / v;
            s.volumeMSquared[i] = sum * sum / v;
            s.absM[i] = Math.abs(sum) / v;
            for (int t = 0; t <= lt / 2; t++) {
                double c = 0;
                for (int t0 = 0; t0 < lt; t0++) c += slices[t0] * slices[(t0 + t) % lt];
                s.twoPoint[t][i] = c / v;
            }
        }
        return s;
    }

    double acceptance() { return (double) accepted / phi2.length; }
}
