package org.latticespark.generation.hmc.fermion;

import java.util.function.ToDoubleFunction;
import org.ejml.data.ZMatrixRMaj;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.group.CMat;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/** Dense matrices, seeded fields and link rotations for the Wilson pseudofermion tests. */
final class WilsonTestSupport {
    private WilsonTestSupport() {}

    /** The operator as a dense complex matrix, column by column. */
    static ZMatrixRMaj dense(LinearOperator a) {
        int n = a.length() / 2;
        ZMatrixRMaj m = new ZMatrixRMaj(n, n);
        double[] unit = new double[a.length()], column = new double[a.length()];
        for (int j = 0; j < n; j++) {
            unit[2 * j] = 1;
            a.apply(unit, column);
            unit[2 * j] = 0;
            for (int i = 0; i < n; i++) m.set(i, j, column[2 * i], column[2 * i + 1]);
        }
        return m;
    }

    static ZMatrixRMaj column(double[] v) {
        ZMatrixRMaj c = new ZMatrixRMaj(v.length / 2, 1);
        for (int i = 0; i < v.length / 2; i++) c.set(i, 0, v[2 * i], v[2 * i + 1]);
        return c;
    }

    /** Re(a† b) of two column vectors. */
    static double reDot(ZMatrixRMaj a, ZMatrixRMaj b) {
        double s = 0;
        for (int i = 0; i < a.numRows; i++) s += a.getReal(i, 0) * b.getReal(i, 0) + a.getImag(i, 0) * b.getImag(i, 0);
        return s;
    }

    /** χ exactly as the heat bath draws it: even sites, re/im N(0, ½), keyed by (site, trajectory, index). */
    static double[] chi(GaugeField f, int spins, RandomStream stream, long trajectory, int index) {
        int[] even = f.lattice().sitesOfParity(0);
        int stride = 2 * spins * f.group().n();
        double[] chi = new double[even.length * stride];
        for (int i = 0; i < even.length; i++) {
            CounterRng rng = stream.at(even[i], trajectory, Purpose.of(Purpose.PSEUDOFERMION, index));
            for (int j = 0; j < stride; j++) chi[i * stride + j] = Math.sqrt(0.5) * rng.gaussian();
        }
        return chi;
    }

    static double[] gaussian(int length, long seed) {
        CounterRng rng = new RandomStream(seed, 0).at(0, 0, Purpose.of(Purpose.TEST, 0));
        double[] v = new double[length];
        for (int i = 0; i < length; i++) v[i] = rng.gaussian();
        return v;
    }

    static double norm2(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return s;
    }

    /** A copy of f with U ← exp(ih ω^a T^a) U on links [from, to). */
    static GaugeField rotated(GaugeField f, double[] omega, int from, int to, double h) {
        GaugeGroup g = f.group();
        int ms = g.matrixSize(), dim = g.algebraDimension();
        GaugeField c = f.copy();
        double[] rot = new double[ms], tmp = new double[ms];
        for (int link = from; link < to; link++) {
            g.expI(omega, link * dim, h, rot, 0);
            CMat.mul(g.n(), rot, 0, c.links(), link * ms, tmp, 0);
            System.arraycopy(tmp, 0, c.links(), link * ms, ms);
        }
        return c;
    }

    /** d/dh s(exp(ih ω) U) at h = 0 on links [from, to), five-point stencil (error O(h⁴)). */
    static double derivative(ToDoubleFunction<GaugeField> s, GaugeField f, double[] omega, int from, int to,
                             double h) {
        double p1 = s.applyAsDouble(rotated(f, omega, from, to, h));
        double m1 = s.applyAsDouble(rotated(f, omega, from, to, -h));
        double p2 = s.applyAsDouble(rotated(f, omega, from, to, 2 * h));
        double m2 = s.applyAsDouble(rotated(f, omega, from, to, -2 * h));
        return (8 * (p1 - m1) - (p2 - m2)) / (12 * h);
    }
}
