package org.latticespark.lattice.action;

import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.CMat;

/**
 * The sum of staples V_μ(n) = Σ_{ν≠μ} [U_ν(n+μ) U_μ(n+ν)† U_ν(n)† + U_ν(n+μ−ν)† U_μ(n−ν)† U_ν(n−ν)],
 * so that Re tr(U_μ(n) V_μ(n)) is the sum of the 2(d−1) plaquettes containing the link.
 */
public final class Staples {
    private Staples() {}

    /** Writes V_μ(n) to out; work[0, 2·matrixSize) is scratch and may share an array with out beyond it. */
    public static void staple(GaugeField f, int site, int mu, double[] out, int oo, double[] work) {
        Lattice lat = f.lattice();
        int n = f.group().n();
        int ms = f.group().matrixSize();
        double[] u = f.links();
        CMat.zero(n, out, oo);
        int sitePlusMu = lat.up(site, mu);
        for (int nu = 0; nu < lat.dimensions(); nu++) {
            if (nu == mu) continue;
            int sitePlusNu = lat.up(site, nu);
            CMat.mulNA(n, u, f.offset(sitePlusMu, nu), u, f.offset(sitePlusNu, mu), work, 0);
            CMat.mulNA(n, work, 0, u, f.offset(site, nu), work, ms);
            CMat.addTo(n, work, ms, out, oo);
            int siteMinusNu = lat.down(site, nu);
            int sitePlusMuMinusNu = lat.down(sitePlusMu, nu);
            CMat.mulAA(n, u, f.offset(sitePlusMuMinusNu, nu), u, f.offset(siteMinusNu, mu), work, 0);
            CMat.mul(n, work, 0, u, f.offset(siteMinusNu, nu), work, ms);
            CMat.addTo(n, work, ms, out, oo);
        }
    }
}
