package org.latticespark.lattice.fermion.staggered;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * Cold links: M†M = m² − D² has the eigenvalues m² + Σ_μ sin²(p_μ), p_μ = 2πk/L_μ in space and (2k+1)π/L_t
 * in time, one per momentum and colour. The dense matrix is built column by column and diagonalised.
 */
class StaggeredFreeSpectrumTest {
    private static final double MASS = 0.3;
    private static final double ROUND_OFF = 1e-12;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("U1", new int[] {4, 6}),
                Arguments.of("SU2", new int[] {2, 2, 2, 4}),
                Arguments.of("SU3", new int[] {4, 4}),
                Arguments.of("U1", new int[] {4, 2, 6}));
    }

    /** The expected spectrum, ascending: every momentum once per colour. */
    static double[] expected(Lattice lat, int colours, double mass) {
        int nd = lat.dimensions();
        double[] values = new double[lat.volume() * colours];
        int[] k = new int[nd];
        for (int site = 0; site < lat.volume(); site++) {
            lat.coordinates(site, k);
            double s = mass * mass;
            for (int mu = 0; mu < nd; mu++) {
                double twice = mu == nd - 1 ? 2 * k[mu] + 1 : 2 * k[mu];
                double sin = Math.sin(Math.PI * twice / lat.extent(mu));
                s += sin * sin;
            }
            for (int c = 0; c < colours; c++) values[site * colours + c] = s;
        }
        Arrays.sort(values);
        return values;
    }

    private static StaggeredOperator cold(String group, int[] extents) {
        GaugeField u = GaugeField.cold(new Lattice(extents), GaugeGroup.of(group));
        return new StaggeredOperator(u, MASS, Parallelism.serial());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fullNormalOperatorHasTheFreeSpectrum(String group, int[] extents) {
        StaggeredOperator op = cold(group, extents);
        double[] want = expected(op.lattice(), op.gaugeField().group().n(), MASS);
        double[] got = Fields.hermitianSpectrum(new MDaggerM(op));
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], ROUND_OFF, "eigenvalue " + i);
    }

    /** The even block carries every eigenvalue of M†M half as often (the odd block is isospectral). */
    @ParameterizedTest
    @MethodSource("cases")
    void evenNormalOperatorHasHalfTheFreeSpectrum(String group, int[] extents) {
        StaggeredOperator op = cold(group, extents);
        double[] want = expected(op.lattice(), op.gaugeField().group().n(), MASS);
        double[] got = Fields.hermitianSpectrum(op.evenNormal());
        assertEquals(want.length, 2 * got.length);
        for (int i = 0; i < got.length; i++) {
            assertEquals(want[2 * i], got[i], ROUND_OFF, "eigenvalue " + i);
            assertEquals(want[2 * i + 1], got[i], ROUND_OFF, "eigenvalue " + i);
        }
    }

    /** M†M as an operator, for the dense reference. */
    private record MDaggerM(StaggeredOperator op) implements org.latticespark.lattice.fermion.LinearOperator {
        @Override
        public int length() { return op.length(); }

        @Override
        public void apply(double[] in, double[] out) {
            double[] tmp = new double[in.length];
            op.apply(in, tmp);
            op.applyDagger(tmp, out);
        }

        @Override
        public void applyDagger(double[] in, double[] out) { apply(in, out); }
    }
}
