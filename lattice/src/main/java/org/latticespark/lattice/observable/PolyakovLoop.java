package org.latticespark.lattice.observable;

import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.CMat;

/** L = (1/V_s) Σ_x (1/N) tr Π_t U_{d−1}(x, t), a complex number. */
public final class PolyakovLoop {
    private PolyakovLoop() {}

    /** Returns {Re L, Im L}. */
    public static double[] compute(GaugeField f) {
        Lattice lat = f.lattice();
        int n = f.group().n();
        int ms = f.group().matrixSize();
        int t = lat.dimensions() - 1;
        int lt = lat.timeExtent();
        int vs = lat.spatialVolume();
        double[] u = f.links();
        double[] prod = new double[ms];
        double[] next = new double[ms];
        double re = 0, im = 0;
        for (int x = 0; x < vs; x++) {
            int site = x;
            CMat.copy(n, u, f.offset(site, t), prod, 0);
            for (int k = 1; k < lt; k++) {
                site += vs;
                CMat.mul(n, prod, 0, u, f.offset(site, t), next, 0);
                double[] tmp = prod;
                prod = next;
                next = tmp;
            }
            re += CMat.reTrace(n, prod, 0);
            im += CMat.imTrace(n, prod, 0);
        }
        return new double[] {re / ((double) n * vs), im / ((double) n * vs)};
    }
}
