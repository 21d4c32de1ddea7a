package org.latticespark.lattice.fermion.staggered;

import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * The naive staggered Dirac operator M = D + m with
 * (D ψ)(n) = ½ Σ_μ η_μ(n) [U_μ(n) ψ(n+μ̂) − U_μ(n−μ̂)† ψ(n−μ̂)], η_μ(n) = (−1)^{n_0+…+n_{μ−1}},
 * periodic in space and antiperiodic in time (direction d−1). Fields are V·N·2 doubles: lexicographic site,
 * then colour, then (re, im). D is anti-Hermitian, so M† = −D + m.
 *
 * <p>D only connects sites of opposite parity. On half-vectors (the sites of one parity in the order of
 * {@link Lattice#sitesOfParity(int)}, V/2·N·2 doubles) it splits into D_eo (odd → even) and D_oe (even → odd),
 * and anti-Hermiticity of D means D_oe = −D_eo†.
 *
 * <p>All extents must be even (otherwise parity and the phases are not consistent around the periodic
 * lattice). The operator reads the gauge field's backing array at every application, so in-place link updates
 * are seen. Input and output must be different arrays. Threads over output sites; every site is computed
 * alone, so results are bit-identical for any thread count.
 */
public final class StaggeredOperator implements LinearOperator {
    private final GaugeField gauge;
    private final Lattice lattice;
    private final double mass;
    private final Parallelism par;
    private final StaggeredHopping full;
    private final StaggeredHopping evenFromOdd;
    private final StaggeredHopping oddFromEven;

    public StaggeredOperator(GaugeField gauge, double mass, Parallelism par) {
        if (gauge == null) throw new IllegalArgumentException("gauge field must not be null");
        if (par == null) throw new IllegalArgumentException("parallelism must not be null");
        if (!Double.isFinite(mass)) throw new IllegalArgumentException("staggered mass must be finite, got " + mass);
        Lattice lat = gauge.lattice();
        for (int mu = 0; mu < lat.dimensions(); mu++) {
            if (lat.extent(mu) % 2 != 0) {
                throw new IllegalArgumentException("staggered fermions need even extents, got L_" + mu + " = "
                        + lat.extent(mu) + " on " + lat);
            }
        }
        this.gauge = gauge;
        this.lattice = lat;
        this.mass = mass;
        this.par = par;
        int volume = lat.volume();
        int[] identity = new int[volume];
        for (int s = 0; s < volume; s++) identity[s] = s;
        int[] position = new int[volume];
        for (int p = 0; p < 2; p++) {
            int[] sites = lat.sitesOfParity(p);
            for (int i = 0; i < sites.length; i++) position[sites[i]] = i;
        }
        int half = volume / 2;
        this.full = new StaggeredHopping(gauge, identity, identity, volume);
        this.evenFromOdd = new StaggeredHopping(gauge, lat.sitesOfParity(0), position, half);
        this.oddFromEven = new StaggeredHopping(gauge, lat.sitesOfParity(1), position, half);
    }

    public double mass() { return mass; }

    public GaugeField gaugeField() { return gauge; }

    public Lattice lattice() { return lattice; }

    /** V·N·2, the doubles of a full field. */
    @Override
    public int length() { return full.outLength(); }

    /** V/2·N·2, the doubles of a field on the sites of one parity. */
    public int halfLength() { return evenFromOdd.outLength(); }

    /** out = (D + m) in. */
    @Override
    public void apply(double[] in, double[] out) {
        check(in, length(), out, length());
        full.apply(in, out, 1.0, mass, par);
    }

    /** out = (−D + m) in. */
    @Override
    public void applyDagger(double[] in, double[] out) {
        check(in, length(), out, length());
        full.apply(in, out, -1.0, mass, par);
    }

    /** out = D in, the hopping term alone. */
    public void applyHopping(double[] in, double[] out) {
        check(in, length(), out, length());
        full.apply(in, out, 1.0, 0.0, par);
    }

    /** evenOut = D_eo oddIn (half-vectors). */
    public void applyEvenOdd(double[] oddIn, double[] evenOut) {
        check(oddIn, halfLength(), evenOut, halfLength());
        evenFromOdd.apply(oddIn, evenOut, 1.0, 0.0, par);
    }

    /** oddOut = D_oe evenIn (half-vectors). */
    public void applyOddEven(double[] evenIn, double[] oddOut) {
        check(evenIn, halfLength(), oddOut, halfLength());
        oddFromEven.apply(evenIn, oddOut, 1.0, 0.0, par);
    }

    /** The Nf = 4 pseudofermion operator m² − D_eo D_oe on even sites; see {@link StaggeredEvenNormalOperator}. */
    public StaggeredEvenNormalOperator evenNormal() {
        return new StaggeredEvenNormalOperator(this);
    }

    private static void check(double[] in, int inLength, double[] out, int outLength) {
        if (in == null || out == null) throw new IllegalArgumentException("input and output vectors must not be null");
        if (in == out) throw new IllegalArgumentException("input and output must be different arrays");
        if (in.length != inLength) {
            throw new IllegalArgumentException("input vector has " + in.length + " doubles, expected " + inLength);
        }
        if (out.length != outLength) {
            throw new IllegalArgumentException("output vector has " + out.length + " doubles, expected " + outLength);
        }
    }
}
