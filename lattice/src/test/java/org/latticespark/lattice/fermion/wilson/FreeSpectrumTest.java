package org.latticespark.lattice.fermion.wilson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * Free field: M̃(p) = a + i b·γ with a = 1 − 2κ Σ cos p_μ, b_μ = −2κ sin p_μ, so M̃†M̃ = a² + |b|² and every
 * momentum (antiperiodic in time) contributes that eigenvalue S·N times to the spectrum of M†M.
 */
class FreeSpectrumTest {
    @ParameterizedTest
    @CsvSource({"U1, 4x6, 0.21", "SU2, 4x2, 0.3", "U1, 2x2x2x4, 0.13"})
    void eigenvaluesOfMDaggerMAreTheMomentumSpaceOnes(String group, String dims, double kappa) {
        int[] extents = Arrays.stream(dims.split("x")).mapToInt(Integer::parseInt).toArray();
        Lattice lat = new Lattice(extents);
        GaugeField cold = GaugeField.cold(lat, GaugeGroup.of(group));
        WilsonOperator m = new WilsonOperator(cold, kappa, Parallelism.serial());
        int dim = m.length() / 2;
        // Hermitian A + iB as the real symmetric [[A, −B], [B, A]]: every eigenvalue twice.
        DMatrixRMaj real = new DMatrixRMaj(2 * dim, 2 * dim);
        double[] e = new double[m.length()], me = new double[m.length()], col = new double[m.length()];
        for (int j = 0; j < dim; j++) {
            Arrays.fill(e, 0);
            e[2 * j] = 1;
            m.apply(e, me);
            m.applyDagger(me, col);
            for (int i = 0; i < dim; i++) {
                double a = col[2 * i], b = col[2 * i + 1];
                real.set(i, j, a);
                real.set(i + dim, j + dim, a);
                real.set(i + dim, j, b);
                real.set(i, j + dim, -b);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * dim, false, true);
        if (!eig.decompose(real)) throw new AssertionError("eigen decomposition failed");
        double[] lattice = new double[2 * dim];
        for (int i = 0; i < 2 * dim; i++) lattice[i] = eig.getEigenvalue(i).getReal();
        Arrays.sort(lattice);

        int d = extents.length, multiplicity = 2 * dim / lat.volume();
        double[] exact = new double[2 * dim];
        int[] x = new int[d];
        for (int site = 0; site < lat.volume(); site++) {
            lat.coordinates(site, x);
            double a = 1, b2 = 0;
            for (int mu = 0; mu < d; mu++) {
                double p = (2 * Math.PI * x[mu] + (mu == d - 1 ? Math.PI : 0)) / extents[mu];
                a -= 2 * kappa * Math.cos(p);
                b2 += 4 * kappa * kappa * Math.sin(p) * Math.sin(p);
            }
            for (int r = 0; r < multiplicity; r++) exact[site * multiplicity + r] = a * a + b2;
        }
        Arrays.sort(exact);
        for (int i = 0; i < exact.length; i++) assertEquals(exact[i], lattice[i], 1e-12, "eigenvalue " + i);
    }
}
