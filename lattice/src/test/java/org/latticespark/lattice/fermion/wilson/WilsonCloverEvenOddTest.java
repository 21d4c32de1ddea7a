package org.latticespark.lattice.fermion.wilson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.fermion.ComplexFields;
import org.latticespark.lattice.fermion.LinearOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.solver.BiCgStab;
import org.latticespark.lattice.solver.CgNormalEquations;
import org.latticespark.lattice.solver.SolverResult;

class WilsonCloverEvenOddTest {
    private static final double EPS = 1e-13;
    private static final double KAPPA = 0.125;
    private static final double CSW = 1.8;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {4, 4, 2, 2}),
                Arguments.of("SU2", new int[] {2, 4, 2, 4}),
                Arguments.of("U1", new int[] {8, 6}),
                Arguments.of("SU3", new int[] {4, 6}));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void schurComplementReproducesTheFullOperator(String group, int[] extents) {
        GaugeField u = CloverTermTest.hot(group, extents, 91);
        CloverTerm clover = new CloverTerm(u, KAPPA, CSW, Parallelism.serial());
        WilsonCloverOperator m = new WilsonCloverOperator(clover);
        WilsonCloverEvenOdd eo = new WilsonCloverEvenOdd(clover);
        LinearOperator schur = eo.schur();
        double[] psi = ComplexFields.gaussian(m.length(), 92, 0);
        double[] psiEven = new double[eo.halfLength()];
        eo.extract(psi, 0, psiEven);
        for (boolean dagger : new boolean[] {false, true}) {
            double[] eta = new double[m.length()];
            if (dagger) m.applyDagger(psi, eta); else m.apply(psi, eta);
            double[] source = new double[eo.halfLength()], schurPsi = new double[eo.halfLength()];
            eo.prepareSource(eta, source, dagger);
            if (dagger) schur.applyDagger(psiEven, schurPsi); else schur.apply(psiEven, schurPsi);
            assertTrue(ComplexFields.maxAbsDiff(source, schurPsi) < EPS, "S psi_e = eta_e + kappa H_eo A_oo^-1 eta_o, dagger " + dagger);
            double[] rebuilt = new double[m.length()];
            eo.reconstruct(eta, psiEven, rebuilt, dagger);
            assertTrue(ComplexFields.maxAbsDiff(rebuilt, psi) < EPS, "reconstructed psi, dagger " + dagger);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void schurDaggerIsTheAdjointAndGamma5Conjugate(String group, int[] extents) {
        GaugeField u = CloverTermTest.hot(group, extents, 93);
        WilsonCloverEvenOdd eo = new WilsonCloverEvenOdd(u, KAPPA, CSW, Parallelism.serial());
        LinearOperator schur = eo.schur();
        GammaBasis g = GammaBasis.of(extents.length);
        int n = u.group().n();
        double[] x = ComplexFields.gaussian(schur.length(), 94, 0), y = ComplexFields.gaussian(schur.length(), 94, 1);
        double[] sy = new double[x.length], sx = new double[x.length], sdx = new double[x.length];
        schur.apply(y, sy);
        schur.apply(x, sx);
        schur.applyDagger(x, sdx);
        double scale = ComplexFields.norm(x) * ComplexFields.norm(y);
        assertTrue(ComplexFields.distance(ComplexFields.dot(x, sy), ComplexFields.dot(sdx, y)) < EPS * scale, "<x, S y> = <S+ x, y>");
        assertTrue(ComplexFields.distance(ComplexFields.dot(x, sy), ComplexFields.dot(sx, y)) > 1e-4 * scale, "S is not Hermitian");
        double[] g5x = new double[x.length], viaGamma5 = new double[x.length];
        g.applyGamma5(n, x, g5x);
        schur.apply(g5x, viaGamma5);
        g.applyGamma5(n, viaGamma5, viaGamma5);
        assertTrue(ComplexFields.maxAbsDiff(viaGamma5, sdx) < EPS, "S+ = g5 S g5");
    }

    static Stream<Arguments> denseCases() {
        return Stream.of(
                Arguments.of("SU3", new int[] {4, 2, 2, 2}),
                Arguments.of("SU2", new int[] {2, 2, 2, 2}),
                Arguments.of("U1", new int[] {6, 4}),
                Arguments.of("SU3", new int[] {4, 4}));
    }

    /** det M = det A_oo · det Ŝ, all three real (γ₅-Hermiticity); ln|det A_oo| is {@link CloverTerm#logDet}(1). */
    @ParameterizedTest
    @MethodSource("denseCases")
    void determinantFactorises(String group, int[] extents) {
        GaugeField u = CloverTermTest.hot(group, extents, 95);
        CloverTerm clover = new CloverTerm(u, KAPPA, CSW, Parallelism.serial());
        WilsonCloverEvenOdd eo = new WilsonCloverEvenOdd(clover);
        Complex_F64 detM = CommonOps_ZDRM.det(CloverDense.dense(new WilsonCloverOperator(clover), false));
        Complex_F64 detS = CommonOps_ZDRM.det(CloverDense.dense(eo.schur(), false));
        Complex_F64 detAoo = CommonOps_ZDRM.det(CloverDense.dense(oddClover(clover, eo.halfLength()), false));
        double magnitude = detM.getMagnitude();
        assertTrue(Math.abs(detM.imaginary) < 1e-10 * magnitude, "det M is real: " + detM);
        assertTrue(Math.abs(detS.imaginary) < 1e-10 * detS.getMagnitude(), "det S is real: " + detS);
        assertEquals(Math.log(detAoo.getMagnitude()), clover.logDet(1), 1e-11 * (1 + Math.abs(clover.logDet(1))));
        assertEquals(clover.negativeDeterminants(1) % 2 == 0, detAoo.real > 0, "sign of det A_oo");
        double re = detAoo.real * detS.real - detAoo.imaginary * detS.imaginary;
        double im = detAoo.real * detS.imaginary + detAoo.imaginary * detS.real;
        assertEquals(detM.real, re, 1e-10 * magnitude, "det M = det A_oo det S (re), det M = " + detM);
        assertEquals(detM.imaginary, im, 1e-10 * magnitude, "det M = det A_oo det S (im)");
        assertTrue(Math.abs(Math.log(Math.abs(detS.real)) - Math.log(magnitude)) > 0.1, "det A_oo is not trivially 1");
    }

    private static LinearOperator oddClover(CloverTerm clover, int halfLength) {
        return new LinearOperator() {
            @Override
            public int length() { return halfLength; }

            @Override
            public void apply(double[] in, double[] out) { clover.apply(1, in, out); }

            @Override
            public void applyDagger(double[] in, double[] out) { clover.apply(1, in, out); }
        };
    }

    @Test
    void evenOddSolvesAgreeWithTheFullSolve() {
        Lattice lat = new Lattice(4, 4, 4, 4);
        GaugeField u = GaugeField.hot(lat, GaugeGroup.of("SU3"), new org.latticespark.lattice.random.RandomStream(96, 0),
                Parallelism.serial());
        try (Parallelism par = new Parallelism(2)) {
            CloverTerm clover = new CloverTerm(u, KAPPA, CSW, par);
            WilsonCloverOperator m = new WilsonCloverOperator(clover);
            WilsonCloverEvenOdd eo = new WilsonCloverEvenOdd(clover);
            LinearOperator schur = eo.schur();
            double[] eta = ComplexFields.gaussian(m.length(), 97, 0);
            double tol = 1e-11;
            for (boolean dagger : new boolean[] {false, true}) {
                LinearOperator full = dagger ? adjoint(m) : m;
                LinearOperator s = dagger ? adjoint(schur) : schur;
                double[] psiFull = new double[m.length()];
                SolverResult rf = new BiCgStab(tol, 2000, par).solve(full, eta, psiFull).requireConverged("full");
                double[] source = new double[eo.halfLength()];
                eo.prepareSource(eta, source, dagger);
                double[] psiEven = new double[eo.halfLength()];
                SolverResult re = new BiCgStab(tol, 2000, par).solve(s, source, psiEven).requireConverged("even-odd");
                double[] psi = new double[m.length()];
                eo.reconstruct(eta, psiEven, psi, dagger);
                double[] check = new double[m.length()];
                full.apply(psi, check);
                for (int i = 0; i < check.length; i++) check[i] -= eta[i];
                assertTrue(ComplexFields.norm(check) < 1e-9 * ComplexFields.norm(eta), "full residual of the even-odd solution");
                double difference = ComplexFields.distance(psi, psiFull) / ComplexFields.norm(psiFull);
                assertTrue(difference < 1e-9, "BiCGStab: even-odd vs full, dagger " + dagger + ": " + difference);
                assertTrue(re.iterations() < rf.iterations(), "preconditioning pays: " + re.iterations() + " vs " + rf.iterations());

                double[] psiEvenCgne = new double[eo.halfLength()];
                new CgNormalEquations(tol, 4000, par).solve(s, source, psiEvenCgne).requireConverged("CGNE");
                eo.reconstruct(eta, psiEvenCgne, psi, dagger);
                difference = ComplexFields.distance(psi, psiFull) / ComplexFields.norm(psiFull);
                assertTrue(difference < 1e-9, "CGNE: even-odd vs full, dagger " + dagger + ": " + difference);
            }
        }
    }

    private static LinearOperator adjoint(LinearOperator a) {
        return new LinearOperator() {
            @Override
            public int length() { return a.length(); }

            @Override
            public void apply(double[] in, double[] out) { a.applyDagger(in, out); }

            @Override
            public void applyDagger(double[] in, double[] out) { a.apply(in, out); }
        };
    }

    @Test
    void badInputIsRefused() {
        GaugeField odd = GaugeField.cold(new Lattice(4, 3), GaugeGroup.of("U1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WilsonCloverEvenOdd(odd, 0.1, 1.0, Parallelism.serial()));
        assertTrue(e.getMessage().contains("L_1 = 3"), e.getMessage());
        WilsonCloverEvenOdd eo = new WilsonCloverEvenOdd(GaugeField.cold(new Lattice(4, 4), GaugeGroup.of("U1")), 0.1, 1.0,
                Parallelism.serial());
        assertThrows(IllegalArgumentException.class, () -> eo.extract(new double[eo.fullLength()], 2, new double[eo.halfLength()]));
        assertThrows(IllegalArgumentException.class, () -> eo.extract(new double[eo.halfLength()], 0, new double[eo.halfLength()]));
        assertThrows(IllegalArgumentException.class, () -> eo.schur().apply(new double[eo.fullLength()], new double[eo.halfLength()]));
    }
}
