package org.latticespark.lattice.field;

import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.CMat;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/** Gauge transformations U_μ(n) → G(n) U_μ(n) G(n+μ)†. */
public final class GaugeTransformation {
    private GaugeTransformation() {}

    /** One Haar-random group element per site. */
    public static double[] random(Lattice lat, GaugeGroup group, RandomStream stream, long update) {
        int ms = group.matrixSize();
        double[] g = new double[lat.volume() * ms];
        int purpose = Purpose.of(Purpose.GAUGE_TRANSFORM, 0);
        for (int site = 0; site < lat.volume(); site++) group.haar(stream.at(site, update, purpose), g, site * ms);
        return g;
    }

    /** A transformed copy of the field. */
    public static GaugeField apply(GaugeField f, double[] g) {
        Lattice lat = f.lattice();
        int n = f.group().n();
        int ms = f.group().matrixSize();
        GaugeField out = f.copy();
        double[] tmp = new double[ms];
        for (int site = 0; site < lat.volume(); site++) {
            for (int mu = 0; mu < lat.dimensions(); mu++) {
                int o = f.offset(site, mu);
                CMat.mul(n, g, site * ms, f.links(), o, tmp, 0);
                CMat.mulNA(n, tmp, 0, g, lat.up(site, mu) * ms, out.links(), o);
            }
        }
        return out;
    }
}
