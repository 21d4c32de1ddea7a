package org.latticespark.generation.hmc.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.solver.ConjugateGradient;

/** The CG action against a dense LU solve of (m² − D_eo D_oe) x = φ. */
class StaggeredActionTest {
    private final Parallelism par = Parallelism.serial();

    @ParameterizedTest
    @ValueSource(strings = {"U1", "SU2", "SU3"})
    void actionEqualsTheDenseSolve(String name) {
        Lattice lat = new Lattice(2, 2, 2, 4);
        GaugeField f = GaugeField.hot(lat, GaugeGroup.of(name), new RandomStream(91, 0), par);
        double mass = 0.25;
        StaggeredPseudofermion pf = new StaggeredPseudofermion(lat, f.group(), mass, 0,
                new ConjugateGradient(1e-13, 10_000, par), par);
        pf.heatbath(f, new RandomStream(92, 0), 3);
        double cg = pf.action(f);

        LinearOperator a = new StaggeredOperator(f, mass, par).evenNormal();
        int n = a.length() / 2;
        ZMatrixRMaj dense = new ZMatrixRMaj(n, n);
        double[] unit = new double[a.length()], column = new double[a.length()];
        for (int j = 0; j < n; j++) {
            unit[2 * j] = 1;
            a.apply(unit, column);
            unit[2 * j] = 0;
            for (int i = 0; i < n; i++) dense.set(i, j, column[2 * i], column[2 * i + 1]);
        }
        ZMatrixRMaj phi = new ZMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) phi.set(i, 0, pf.phi()[2 * i], pf.phi()[2 * i + 1]);
        ZMatrixRMaj x = new ZMatrixRMaj(n, 1);
        CommonOps_ZDRM.solve(dense, phi, x);
        double exact = 0;
        for (int i = 0; i < n; i++) exact += phi.getReal(i, 0) * x.getReal(i, 0) + phi.getImag(i, 0) * x.getImag(i, 0);
        // |δS| ≤ tol·|φ|²/m² ≤ tol·S·λ_max/m² with λ_max ≤ m² + d²: ≤ 3e-11 S here
        assertEquals(exact, cg, 1e-9 * exact, name);
    }
}
