package org.latticespark.lattice.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.latticespark.lattice.action.Plaquettes;
import org.latticespark.lattice.action.WilsonGaugeAction;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.random.RandomStream;

class ParallelismTest {
    @Test
    void sumsAndForcesAreBitIdenticalForAnyThreadCount() {
        Lattice lat = new Lattice(6, 6, 6, 4);
        GaugeGroup g = GaugeGroup.of("SU3");
        double[] reference = null;
        double referenceSum = 0;
        for (int threads : new int[] {1, 2, 3}) {
            try (Parallelism par = new Parallelism(threads)) {
                GaugeField f = GaugeField.hot(lat, g, new RandomStream(4, 2), par);
                double sum = Plaquettes.sum(f, par);
                double[] force = new double[lat.links() * g.algebraDimension()];
                new WilsonGaugeAction(5.5).force(f, force, par);
                if (reference == null) {
                    reference = force;
                    referenceSum = sum;
                } else {
                    assertEquals(Double.doubleToRawLongBits(referenceSum), Double.doubleToRawLongBits(sum));
                    org.junit.jupiter.api.Assertions.assertArrayEquals(reference, force);
                }
            }
        }
    }
}
