package org.latticespark.lattice.rational;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.RandomStream;

/** Double-double arithmetic against BigDecimal: about 2^-104 relative per operation. */
class DoubleDoubleTest {
    private static final MathContext MC = MathContext.DECIMAL128;

    private static BigDecimal big(DoubleDouble x) {
        return new BigDecimal(x.hi()).add(new BigDecimal(x.lo()));
    }

    private static void close(BigDecimal expected, DoubleDouble actual) {
        double relative = expected.subtract(big(actual)).abs().doubleValue() / expected.abs().doubleValue();
        assertTrue(relative < 1e-30, "relative error " + relative);
    }

    @Test
    void operationsAgreeWithBigDecimal() {
        CounterRng rng = new RandomStream(7, 0).at(0, 0, 0);
        for (int i = 0; i < 1000; i++) {
            DoubleDouble a = DoubleDouble.of(new BigDecimal(rng.gaussian()).add(new BigDecimal(1e-20 * rng.gaussian())));
            DoubleDouble b = DoubleDouble.of(new BigDecimal(rng.uniform() + 0.5).add(new BigDecimal(1e-20 * rng.gaussian())));
            close(big(a).add(big(b)), a.add(b));
            close(big(a).multiply(big(b)), a.multiply(b));
            close(big(a).divide(big(b), MC), a.divide(b));
            close(big(b).pow(5), b.pow(5));
            close(BigDecimal.ONE.divide(big(b).pow(3), MC), b.pow(-3));
        }
    }
}
