package org.latticespark.lattice.solver;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.latticespark.lattice.fermion.ComplexFields;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

/** Seeded gauge fields and vectors, plain serial vector arithmetic and dense references for the solver tests. */
final class Problems {
    private Problems() {}

    static GaugeField hot(String group, long seed, int... extents) {
        return GaugeField.hot(new Lattice(extents), GaugeGroup.of(group), new RandomStream(seed, 5), Parallelism.serial());
    }




    /** |b − (A + shift) x|, recomputed serially. */
    static double residualNorm(LinearOperator a, double shift, double[] b, double[] x) {
        double[] ax = new double[a.length()];
        a.apply(x, ax);
        double s = 0;
        for (int i = 0; i < ax.length; i++) {
            double d = b[i] - ax[i] - shift * x[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    static double relativeResidual(LinearOperator a, double[] b, double[] x) {
        return residualNorm(a, 0, b, x) / ComplexFields.norm(b);
    }

    /** The real 2n×2n embedding [[Re A, −Im A], [Im A, Re A]] of A, column by column. */
    static DMatrixRMaj realEmbedding(LinearOperator a) {
        int dim = a.length() / 2;
        DMatrixRMaj big = new DMatrixRMaj(2 * dim, 2 * dim);
        double[] e = new double[a.length()];
        double[] col = new double[a.length()];
        for (int j = 0; j < dim; j++) {
            java.util.Arrays.fill(e, 0.0);
            e[2 * j] = 1.0;
            a.apply(e, col);
            for (int i = 0; i < dim; i++) {
                big.set(i, j, col[2 * i]);
                big.set(i + dim, j + dim, col[2 * i]);
                big.set(i + dim, j, col[2 * i + 1]);
                big.set(i, j + dim, -col[2 * i + 1]);
            }
        }
        return big;
    }

    /** The smallest singular value of A (those of the real embedding are A's, each twice). */
    static double smallestSingularValue(LinearOperator a) {
        DMatrixRMaj big = realEmbedding(a);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(big.numRows, big.numCols, false, false, true);
        if (!svd.decompose(big)) throw new AssertionError("SVD failed");
        double min = Double.POSITIVE_INFINITY;
        for (double s : svd.getSingularValues()) min = Math.min(min, s);
        return min;
    }

    /** A⁻¹ b by dense LU of the real embedding. */
    static double[] denseSolve(LinearOperator a, double[] b) {
        int dim = a.length() / 2;
        DMatrixRMaj rhs = new DMatrixRMaj(2 * dim, 1);
        for (int i = 0; i < dim; i++) {
            rhs.set(i, 0, b[2 * i]);
            rhs.set(i + dim, 0, b[2 * i + 1]);
        }
        DMatrixRMaj sol = new DMatrixRMaj(2 * dim, 1);
        if (!CommonOps_DDRM.solve(realEmbedding(a), rhs, sol)) throw new AssertionError("dense solve failed");
        double[] x = new double[a.length()];
        for (int i = 0; i < dim; i++) {
            x[2 * i] = sol.get(i, 0);
            x[2 * i + 1] = sol.get(i + dim, 0);
        }
        return x;
    }

    /** M†M as an operator, for CG on the normal equations of a test. */
    static LinearOperator normal(LinearOperator m) {
        double[] scratch = new double[m.length()];
        return new LinearOperator() {
            @Override
            public int length() { return m.length(); }

            @Override
            public void apply(double[] in, double[] out) {
                m.apply(in, scratch);
                m.applyDagger(scratch, out);
            }

            @Override
            public void applyDagger(double[] in, double[] out) { apply(in, out); }
        };
    }
}
