package org.latticespark.generation.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Adam against two steps worked out by hand with bias correction; the learning-rate schedules. */
class AdamTest {
    @Test
    void twoStepsByHand() {
        Adam adam = new Adam(2);
        double[] theta = {1.0, -2.0};
        double lr = 0.1;
        // Step 1, g = (0.5, -3): m = 0.1 g, v = 0.001 g², m̂ = g, v̂ = g², θ -= lr g/(|g| + ε).
        adam.update(theta, new double[] {0.5, -3.0}, lr);
        assertEquals(1.0 - 0.1 * 0.5 / (0.5 + 1e-8), theta[0], 1e-15);
        assertEquals(-2.0 + 0.1 * 3.0 / (3.0 + 1e-8), theta[1], 1e-15);
        // Step 2, g = (1, 1): m = 0.9·0.05 + 0.1 = 0.145 and 0.9·(−0.3) + 0.1 = −0.17; v = 0.999·0.00025 + 0.001 =
        // 0.00124975 and 0.999·0.009 + 0.001 = 0.009991; m̂ = m/0.19, v̂ = v/0.001999.
        adam.update(theta, new double[] {1.0, 1.0}, lr);
        double step0 = 0.1 * (0.145 / 0.19) / (Math.sqrt(0.00124975 / 0.001999) + 1e-8);
        double step1 = 0.1 * (-0.17 / 0.19) / (Math.sqrt(0.009991 / 0.001999) + 1e-8);
        assertEquals(1.0 - 0.1 * 0.5 / (0.5 + 1e-8) - step0, theta[0], 1e-14);
        assertEquals(-2.0 + 0.1 * 3.0 / (3.0 + 1e-8) - step1, theta[1], 1e-14);
        assertEquals(0.0965182, step0, 1e-7);
        assertEquals(2, adam.steps());
    }

    @Test
    void learningRateSchedules() {
        LearningRateSchedule cosine = LearningRateSchedule.cosine(1e-3, 100, 0.1);
        assertEquals(1e-3, cosine.rate(0), 1e-18);
        assertEquals(0.55e-3, cosine.rate(50), 1e-15);
        assertEquals(1e-4, cosine.rate(100), 1e-18);
        assertEquals(1e-4, cosine.rate(1000), 1e-18);
        assertEquals(2e-3, LearningRateSchedule.constant(2e-3).rate(77), 0.0);
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(0));
    }

    @Test
    void refusesMismatchedArrays() {
        assertThrows(IllegalArgumentException.class, () -> new Adam(3).update(new double[2], new double[2], 0.1));
    }
}
