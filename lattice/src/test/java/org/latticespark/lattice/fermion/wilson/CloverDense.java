package org.latticespark.lattice.fermion.wilson;

import java.util.Arrays;
import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;

/**
 * Dense references for the clover tests, built with EJML independently of {@link CloverTerm}: the four leaves
 * as plaquettes parallel-transported to n (U_μν(n−μ̂) conjugated by U_μ(n−μ̂), and so on), σ_μν from the γ
 * matrices, and A(n) = 1 + i c κ Σ_{μ&lt;ν} σ_μν ⊗ F̂_μν(n) as an S·N matrix (index s·N + colour).
 */
final class CloverDense {
    private CloverDense() {}

    static ZMatrixRMaj link(GaugeField u, int site, int mu) {
        int n = u.group().n();
        ZMatrixRMaj m = new ZMatrixRMaj(n, n);
        int o = u.offset(site, mu);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) m.set(i, j, u.links()[o + 2 * (i * n + j)], u.links()[o + 2 * (i * n + j) + 1]);
        }
        return m;
    }

    static ZMatrixRMaj mul(ZMatrixRMaj... factors) {
        ZMatrixRMaj acc = factors[0].copy();
        for (int k = 1; k < factors.length; k++) {
            ZMatrixRMaj next = new ZMatrixRMaj(acc.numRows, factors[k].numCols);
            CommonOps_ZDRM.mult(acc, factors[k], next);
            acc = next;
        }
        return acc;
    }

    static void addInto(ZMatrixRMaj acc, ZMatrixRMaj b) {
        CommonOps_ZDRM.add(acc, b, acc);
    }

    static ZMatrixRMaj dag(ZMatrixRMaj a) {
        return CommonOps_ZDRM.transposeConjugate(a, null);
    }

    /** U_μν(m) = U_μ(m) U_ν(m+μ̂) U_μ(m+ν̂)† U_ν(m)†. */
    static ZMatrixRMaj plaquette(GaugeField u, int m, int mu, int nu) {
        Lattice lat = u.lattice();
        return mul(link(u, m, mu), link(u, lat.up(m, mu), nu), dag(link(u, lat.up(m, nu), mu)), dag(link(u, m, nu)));
    }

    /** F̂_μν(n) = (Q − Q†)/8 with the leaves written as transported plaquettes. */
    static ZMatrixRMaj fieldStrength(GaugeField u, int n, int mu, int nu) {
        Lattice lat = u.lattice();
        int nm = lat.down(n, mu), nn = lat.down(n, nu), nmn = lat.down(nm, nu);
        ZMatrixRMaj q = plaquette(u, n, mu, nu);
        ZMatrixRMaj v = link(u, nm, mu);
        addInto(q, mul(dag(v), plaquette(u, nm, mu, nu), v));
        ZMatrixRMaj w = mul(link(u, nmn, mu), link(u, nn, nu));
        addInto(q, mul(dag(w), plaquette(u, nmn, mu, nu), w));
        ZMatrixRMaj x = link(u, nn, nu);
        addInto(q, mul(dag(x), plaquette(u, nn, mu, nu), x));
        ZMatrixRMaj f = new ZMatrixRMaj(q.numRows, q.numCols);
        CommonOps_ZDRM.subtract(q, dag(q), f);
        CommonOps_ZDRM.scale(0.125, 0, f);
        return f;
    }

    static ZMatrixRMaj gamma(GammaBasis g, int mu) {
        return fromFlat(g.spins(), g.gamma(mu));
    }

    static ZMatrixRMaj fromFlat(int n, double[] a) {
        ZMatrixRMaj m = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) m.set(i, j, a[2 * (i * n + j)], a[2 * (i * n + j) + 1]);
        }
        return m;
    }

    /** σ_μν = (i/2)[γ_μ, γ_ν]. */
    static ZMatrixRMaj sigma(GammaBasis g, int mu, int nu) {
        ZMatrixRMaj c = new ZMatrixRMaj(g.spins(), g.spins());
        CommonOps_ZDRM.subtract(mul(gamma(g, mu), gamma(g, nu)), mul(gamma(g, nu), gamma(g, mu)), c);
        CommonOps_ZDRM.scale(0, 0.5, c);
        return c;
    }

    static ZMatrixRMaj kron(ZMatrixRMaj a, ZMatrixRMaj b) {
        ZMatrixRMaj k = new ZMatrixRMaj(a.numRows * b.numRows, a.numCols * b.numCols);
        Complex_F64 x = new Complex_F64(), y = new Complex_F64();
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                a.get(i, j, x);
                for (int r = 0; r < b.numRows; r++) {
                    for (int c = 0; c < b.numCols; c++) {
                        b.get(r, c, y);
                        k.set(i * b.numRows + r, j * b.numCols + c, x.real * y.real - x.imaginary * y.imaginary,
                                x.real * y.imaginary + x.imaginary * y.real);
                    }
                }
            }
        }
        return k;
    }

    /** A(n) = 1 + i c κ Σ_{μ&lt;ν} σ_μν ⊗ F̂_μν(n), S·N square. */
    static ZMatrixRMaj siteMatrix(GaugeField u, int n, double kappa, double cSw) {
        int d = u.lattice().dimensions();
        GammaBasis g = GammaBasis.of(d);
        int dim = g.spins() * u.group().n();
        ZMatrixRMaj sum = new ZMatrixRMaj(dim, dim);
        for (int mu = 0; mu < d; mu++) {
            for (int nu = mu + 1; nu < d; nu++) {
                addInto(sum, kron(sigma(g, mu, nu), fieldStrength(u, n, mu, nu)));
            }
        }
        CommonOps_ZDRM.scale(0, cSw * kappa, sum);
        addInto(sum, CommonOps_ZDRM.identity(dim));
        return sum;
    }

    /** One chiral block (χ = 0 upper, 1 lower) of site's entry in CloverTerm's flat layout. */
    static ZMatrixRMaj storedBlock(double[] blocks, int b, int site, int chi) {
        ZMatrixRMaj m = new ZMatrixRMaj(b, b);
        int o = (2 * site + chi) * 2 * b * b;
        for (int r = 0; r < b; r++) {
            for (int c = 0; c < b; c++) m.set(r, c, blocks[o + 2 * (r * b + c)], blocks[o + 2 * (r * b + c) + 1]);
        }
        return m;
    }

    /** The matrix of a linear operator (or its dagger), column by column from unit vectors. */
    static ZMatrixRMaj dense(LinearOperator op, boolean dagger) {
        int dim = op.length() / 2;
        ZMatrixRMaj m = new ZMatrixRMaj(dim, dim);
        double[] e = new double[op.length()], col = new double[op.length()];
        for (int j = 0; j < dim; j++) {
            Arrays.fill(e, 0);
            e[2 * j] = 1;
            if (dagger) op.applyDagger(e, col); else op.apply(e, col);
            for (int i = 0; i < dim; i++) m.set(i, j, col[2 * i], col[2 * i + 1]);
        }
        return m;
    }

    /** max |a_ij − b_ij|. */
    static double maxDiff(ZMatrixRMaj a, ZMatrixRMaj b) {
        double worst = 0;
        for (int i = 0; i < a.getDataLength(); i++) worst = Math.max(worst, Math.abs(a.data[i] - b.data[i]));
        return worst;
    }

    static double maxAbs(ZMatrixRMaj a) {
        double worst = 0;
        for (int i = 0; i < a.getDataLength(); i++) worst = Math.max(worst, Math.abs(a.data[i]));
        return worst;
    }

    static ZMatrixRMaj sub(ZMatrixRMaj a, int row0, int col0, int rows, int cols) {
        ZMatrixRMaj s = new ZMatrixRMaj(rows, cols);
        CommonOps_ZDRM.extract(a, row0, row0 + rows, col0, col0 + cols, s, 0, 0);
        return s;
    }

    /** ln |det a| and the phase of det a, by LU (EJML). */
    static double[] logAbsDetAndPhase(ZMatrixRMaj a) {
        Complex_F64 det = CommonOps_ZDRM.det(a);
        return new double[] {Math.log(det.getMagnitude()), Math.atan2(det.imaginary, det.real)};
    }
}
