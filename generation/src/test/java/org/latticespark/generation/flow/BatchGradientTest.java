package org.latticespark.generation.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.scalar.Phi4Action;

/**
 * The batch gradient is the same bit for bit on 1 and 3 threads, adjacent sub-ranges (aligned to chunks or not) add
 * up to the whole bit for bit, it equals the plain sum of per-sample gradients to round-off, and the samples' z come
 * from the documented random-number addresses; whole training steps agree bit for bit on any thread count and when
 * the batch is split and joined ({@link FlowTrainer#apply}). {@link ExactSum} is order independent and exact to 2⁻⁸⁰.
 */
class BatchGradientTest {
    private static final Lattice LATTICE = new Lattice(4, 4);
    private static final Phi4Action ACTION = new Phi4Action(-4, 8);
    private static final FlowArchitecture ARCH = new FlowArchitecture(2, new int[] {4}, 3, Activation.TANH);

    private static FlowTrainer trainer(int threads) {
        RealNvpFlow flow = RealNvpFlow.initial(LATTICE, ARCH, 5);
        return new FlowTrainer(flow, ACTION, 17, 40, LearningRateSchedule.constant(1e-3), new Parallelism(threads));
    }

    @Test
    void bitIdenticalForAnyThreadCountAndAnySplit() {
        BatchGradient one = trainer(1).gradient(3, 0, 40);
        BatchGradient three = trainer(3).gradient(3, 0, 40);
        assertArrayEquals(one.gradientSum(), three.gradientSum());
        assertEquals(one.objectiveSum(), three.objectiveSum(), 0.0);
        assertArrayEquals(one.logWeights(), three.logWeights());

        FlowTrainer t = trainer(2);
        for (int cut : new int[] {8, 16, 13, 1}) {
            BatchGradient joined = t.gradient(3, 0, cut).plus(t.gradient(3, cut, 40 - cut));
            assertArrayEquals(one.gradientSum(), joined.gradientSum(), "cut at " + cut);
            assertEquals(one.objectiveSum(), joined.objectiveSum(), 0.0);
            assertArrayEquals(one.logWeights(), joined.logWeights());
        }
        assertThrows(IllegalArgumentException.class, () -> t.gradient(3, 0, 8).plus(t.gradient(3, 9, 8)));
        assertThrows(IllegalArgumentException.class, () -> t.gradient(3, 0, 8).plus(t.gradient(4, 8, 8)));
    }

    @Test
    void trainingStepsAreBitIdenticalForAnyThreadCountAndSplit() {
        FlowTrainer one = trainer(1);
        FlowTrainer three = trainer(3);
        for (int k = 0; k < 3; k++) {
            FlowTrainer.StepResult a = one.step();
            FlowTrainer.StepResult b = three.step();
            assertEquals(a, b);
        }
        assertArrayEquals(one.flow().parameters(), three.flow().parameters());
        assertEquals(3, one.stepsDone());

        FlowTrainer split = trainer(2);
        for (int k = 0; k < 3; k++) split.apply(split.gradient(k, 0, 24).plus(split.gradient(k, 24, 16)));
        assertArrayEquals(one.flow().parameters(), split.flow().parameters(), "data-parallel steps");
        assertThrows(IllegalArgumentException.class, () -> split.apply(split.gradient(3, 0, 39)));
        assertThrows(IllegalArgumentException.class, () -> split.apply(split.gradient(2, 0, 40)));
    }

    @Test
    void equalsTheSumOfPerSampleGradientsAtTheDocumentedAddresses() {
        FlowTrainer t = trainer(1);
        RealNvpFlow flow = t.flow();
        BatchGradient g = t.gradient(7, 5, 12);
        double[] plain = new double[flow.parameterCount()];
        double objective = 0;
        RealNvpFlow.Workspace ws = flow.newWorkspace();
        RandomStream stream = new RandomStream(17, 0);
        double[] z = new double[LATTICE.volume()];
        for (int i = 5; i < 17; i++) {
            CounterRng rng = stream.at(i, 7, Purpose.of(Purpose.FLOW_TRAINING, 0));
            for (int x = 0; x < z.length; x++) z[x] = rng.gaussian();
            double f = flow.reverseKl(z, ACTION, plain, null, ws);
            objective += f;
            assertEquals(-f, g.logWeights()[i - 5], 0.0, "log weight of sample " + i);
        }
        double[] exact = g.gradientSum();
        for (int k = 0; k < plain.length; k++) assertEquals(plain[k], exact[k], 1e-12 * (1 + Math.abs(plain[k])));
        assertEquals(objective, g.objectiveSum(), 1e-12 * Math.abs(objective));
        assertEquals(12, g.samples());
        assertEquals(5, g.firstSample());
    }

    @Test
    void exactSumIsOrderIndependentAndExact() {
        CounterRng rng = new RandomStream(3, 0).at(0, 0, Purpose.of(Purpose.TEST, 0));
        int n = 1000;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = rng.gaussian() * Math.pow(10, 12 * rng.uniform() - 6);
        ExactSum forward = new ExactSum(1);
        ExactSum backward = new ExactSum(1);
        ExactSum left = new ExactSum(1);
        ExactSum right = new ExactSum(1);
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            forward.add(0, values[i]);
            backward.add(0, values[n - 1 - i]);
            (i % 3 == 0 ? left : right).add(0, values[i]);
            exact = exact.add(new BigDecimal(values[i]));
        }
        left.add(right);
        assertEquals(forward.value(0), backward.value(0), 0.0);
        assertEquals(forward.value(0), left.value(0), 0.0);
        assertEquals(exact.round(MathContext.DECIMAL64).doubleValue(), forward.value(0), Math.ulp(forward.value(0)));
        ExactSum bad = new ExactSum(2);
        bad.add(1, Double.NaN);
        assertTrue(Double.isNaN(bad.value(0)));
        ExactSum big = new ExactSum(1);
        big.add(0, 1e15);
        assertTrue(Double.isNaN(big.value(0)), "out of range must not wrap silently");
        ExactSum negatives = new ExactSum(1);
        negatives.add(0, -2.5);
        negatives.add(0, 0.75);
        negatives.add(0, -1e-20);
        assertEquals(-1.75 - 1e-20, negatives.value(0), 1e-30);
    }
}
