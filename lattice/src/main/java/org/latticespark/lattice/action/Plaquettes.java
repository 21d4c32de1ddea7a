package org.latticespark.lattice.action;

import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.CMat;
import org.latticespark.lattice.parallel.Parallelism;

/** Plaquette sums in plain Java: Σ_n Σ_{μ<ν} Re tr U_μν(n). */
public final class Plaquettes {
    private static final ThreadLocal<double[]> WORK = ThreadLocal.withInitial(() -> new double[256]);

    private Plaquettes() {}

    /** Σ_{μ<ν} Re tr U_μν(n) at one site. */
    public static double atSite(GaugeField f, int site) {
        Lattice lat = f.lattice();
        int n = f.group().n();
        int ms = f.group().matrixSize();
        double[] u = f.links();
        double[] w = WORK.get();
        double s = 0;
        for (int mu = 0; mu < lat.dimensions(); mu++) {
            int sitePlusMu = lat.up(site, mu);
            for (int nu = mu + 1; nu < lat.dimensions(); nu++) {
                CMat.mul(n, u, f.offset(site, mu), u, f.offset(sitePlusMu, nu), w, 0);
                CMat.mul(n, u, f.offset(site, nu), u, f.offset(lat.up(site, nu), mu), w, ms);
                s += CMat.reTraceMulNA(n, w, 0, w, ms);
            }
        }
        return s;
    }

    public static double sum(GaugeField f, Parallelism par) {
        return par.sum(f.lattice().volume(), site -> atSite(f, site));
    }

    /** The average plaquette, normalised to 1 on the unit configuration. */
    public static double average(GaugeField f, Parallelism par) {
        return normalise(f, sum(f, par));
    }

    public static double normalise(GaugeField f, double sum) {
        Lattice lat = f.lattice();
        return sum / ((double) f.group().n() * lat.volume() * lat.planes());
    }
}
