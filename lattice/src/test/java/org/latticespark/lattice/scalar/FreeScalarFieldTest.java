package org.latticespark.lattice.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.latticespark.lattice.geometry.Lattice;

/**
 * The momentum sums of {@link FreeScalarField} against the dense covariance (2K)⁻¹, K = −Δ + m², built site by site
 * from the lattice's neighbour tables, on 4x4 and 2x3x4 (the L = 2 direction has a doubled link).
 */
class FreeScalarFieldTest {
    private static final double TOL = 1e-13;

    private static Lattice lattice(String shape) {
        return shape.equals("4x4") ? new Lattice(4, 4) : new Lattice(2, 3, 4);
    }

    private static DMatrixRMaj covariance(Lattice lat, double m2) {
        int v = lat.volume();
        DMatrixRMaj twoK = new DMatrixRMaj(v, v);
        for (int x = 0; x < v; x++) {
            twoK.add(x, x, 2 * m2);
            for (int mu = 0; mu < lat.dimensions(); mu++) {
                twoK.add(x, x, 4);
                twoK.add(x, lat.up(x, mu), -2);
                twoK.add(x, lat.down(x, mu), -2);
            }
        }
        DMatrixRMaj inv = new DMatrixRMaj(v, v);
        if (!CommonOps_DDRM.invert(twoK, inv)) throw new AssertionError("2K singular");
        return inv;
    }

    @ParameterizedTest
    @ValueSource(strings = {"4x4", "2x3x4"})
    void propagatorIsTheDenseInverse(String shape) {
        Lattice lat = lattice(shape);
        double m2 = 0.37;
        DMatrixRMaj cov = covariance(lat, m2);
        FreeScalarField free = new FreeScalarField(lat, m2);
        int nd = lat.dimensions();
        int[] x = new int[nd];
        int[] y = new int[nd];
        int[] r = new int[nd];
        for (int i = 0; i < lat.volume(); i++) {
            lat.coordinates(i, x);
            for (int j = 0; j < lat.volume(); j++) {
                lat.coordinates(j, y);
                for (int mu = 0; mu < nd; mu++) r[mu] = x[mu] - y[mu];
                assertEquals(cov.get(i, j), free.propagator(r), TOL, "G(x - y) at " + i + ", " + j);
                assertEquals(cov.get(i, j), free.propagator(lat.index(r)), TOL);
            }
        }
        assertEquals(cov.get(0, 0), free.phiSquared(), TOL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4x4", "2x3x4"})
    void derivedExpectationsMatchTheDenseCovariance(String shape) {
        Lattice lat = lattice(shape);
        double m2 = 0.61;
        DMatrixRMaj cov = covariance(lat, m2);
        FreeScalarField free = new FreeScalarField(lat, m2);
        int v = lat.volume();
        int lt = lat.timeExtent();
        int tDir = lat.dimensions() - 1;

        double[] c = new double[lt];
        double sumAll = 0;
        for (int i = 0; i < v; i++) {
            for (int j = 0; j < v; j++) {
                int t = Math.floorMod(lat.coordinate(j, tDir) - lat.coordinate(i, tDir), lt);
                c[t] += cov.get(i, j) / v;
                sumAll += cov.get(i, j);
            }
        }
        double[] exact = free.twoPoint();
        assertEquals(lt, exact.length);
        for (int t = 0; t < lt; t++) assertEquals(c[t], exact[t], TOL, "C(" + t + ")");
        assertEquals(sumAll / v, free.susceptibility(), TOL, "chi = V<M^2> = (1/V) sum_xy G");

        // <S> = <phi^T K phi> = tr(K (2K)^-1), K from the action's own quadratic form
        double s = 0;
        for (int i = 0; i < v; i++) {
            for (int mu = 0; mu < lat.dimensions(); mu++) {
                int up = lat.up(i, mu);
                s += cov.get(up, up) - 2 * cov.get(up, i) + cov.get(i, i);
            }
            s += m2 * cov.get(i, i);
        }
        assertEquals(s / v, free.actionDensity(), TOL, "<S>/V");
    }

    @Test
    void refusesAnythingButAPositiveMassSquared() {
        Lattice lat = new Lattice(4, 4);
        assertThrows(IllegalArgumentException.class, () -> new FreeScalarField(lat, 0));
        assertThrows(IllegalArgumentException.class, () -> new FreeScalarField(lat, -1));
        assertThrows(IllegalArgumentException.class, () -> new FreeScalarField(lat, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new FreeScalarField(lat, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new FreeScalarField(null, 1));
        assertThrows(IllegalArgumentException.class, () -> new FreeScalarField(lat, 1).propagator(16));
        assertThrows(IllegalArgumentException.class, () -> new FreeScalarField(lat, 1).propagator(new int[3]));
    }
}
