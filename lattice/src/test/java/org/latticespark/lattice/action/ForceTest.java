package org.latticespark.lattice.action;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.CMat;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.RandomStream;

/** The force against a symmetric numerical derivative of the action along every generator. */
class ForceTest {
    static Stream<String> groups() {
        return Stream.of("U1", "SU2", "SU3", "SU4");
    }

    @ParameterizedTest
    @MethodSource("groups")
    void forceIsMinusTheDerivativeOfTheAction(String name) {
        GaugeGroup g = GaugeGroup.of(name);
        Lattice lat = new Lattice(4, 3, 2, 3);
        Parallelism par = Parallelism.serial();
        GaugeField f = GaugeField.hot(lat, g, new RandomStream(11, 0), par);
        WilsonGaugeAction s = new WilsonGaugeAction(3.1);
        int dim = g.algebraDimension();
        double[] force = new double[lat.links() * dim];
        s.force(f, force, par);
        CounterRng rng = new RandomStream(11, 0).at(0, 1, 1);
        double h = 1e-5;
        double[] e = new double[dim], rot = new double[g.matrixSize()], tmp = new double[g.matrixSize()];
        for (int k = 0; k < 12; k++) {
            int link = (int) (rng.uniform() * lat.links());
            for (int a = 0; a < dim; a++) {
                java.util.Arrays.fill(e, 0);
                e[a] = 1;
                double plus = actionWithRotatedLink(f, s, link, e, h, rot, tmp, par);
                double minus = actionWithRotatedLink(f, s, link, e, -h, rot, tmp, par);
                double derivative = (plus - minus) / (2 * h);
                assertEquals(-derivative, force[link * dim + a], 1e-7 * Math.max(1, Math.abs(derivative)),
                        name + " link " + link + " generator " + a);
            }
        }
    }

    private static double actionWithRotatedLink(GaugeField f, WilsonGaugeAction s, int link, double[] e, double h,
                                                double[] rot, double[] tmp, Parallelism par) {
        GaugeField c = f.copy();
        GaugeGroup g = f.group();
        int ms = g.matrixSize();
        g.expI(e, 0, h, rot, 0);
        CMat.mul(g.n(), rot, 0, c.links(), link * ms, tmp, 0);
        System.arraycopy(tmp, 0, c.links(), link * ms, ms);
        return s.action(c, par);
    }
}
