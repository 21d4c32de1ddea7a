package org.latticespark.generation.flow;

import java.io.Serializable;

/** The learning rate of training step k (0-based). */
@FunctionalInterface
public interface LearningRateSchedule extends Serializable {
    double rate(long step);

    static LearningRateSchedule constant(double lr) {
        check(lr);
        return step -> lr;
    }

    /**
     * Cosine decay from {@code lr} at step 0 to {@code floor·lr} at {@code steps} and after:
     * lr_k = lr [floor + (1 − floor)(1 + cos(π k/steps))/2].
     */
    static LearningRateSchedule cosine(double lr, long steps, double floor) {
        check(lr);
        if (steps < 1 || !(floor >= 0 && floor <= 1)) {
            throw new IllegalArgumentException("flow.learning-rate: cosine needs steps >= 1 and floor in [0, 1], got "
                    + steps + ", " + floor);
        }
        return step -> {
            double f = Math.min(1.0, (double) step / steps);
            return lr * (floor + (1 - floor) * 0.5 * (1 + StrictMath.cos(Math.PI * f)));
        };
    }

    private static void check(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("flow.learning-rate: must be finite and > 0, got " + lr);
        }
    }
}
