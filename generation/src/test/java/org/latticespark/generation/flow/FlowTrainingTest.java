package org.latticespark.generation.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.scalar.Phi4Action;

/**
 * Short seeded trainings on 2d 4x4 lower the reverse-KL loss and raise the ESS, measured on 512 fresh samples
 * (an evaluation step no training step uses) before and after, with the standard error of the mean loss. In the
 * free case (λ = 0) the loss is also bounded below by −log Z = ½ log det M − (V/2) log π (KL ≥ 0), with
 * M = −Δ + m² on the periodic lattice, and training brings it close to that bound. Measured (150 steps, batch 64):
 * m² = −4, λ = 8: loss 352.7 ± 15.3 → −0.72 ± 0.11, ESS/N 0.002 → 0.19; free m² = 0.5: −log Z = 1.654,
 * loss 48.8 ± 1.1 → 2.18 ± 0.04, ESS/N 0.003 → 0.20.
 */
class FlowTrainingTest {
    private static final Lattice LATTICE = new Lattice(4, 4);
    private static final int STEPS = 150;
    private static final int EVAL = 512;
    private static final long EVAL_STEP = 1L << 30;

    private record Estimate(double loss, double error, double ess) {}

    private static Estimate evaluate(FlowTrainer t) {
        double[] logW = t.gradient(EVAL_STEP, 0, EVAL).logWeights();
        double mean = 0;
        for (double w : logW) mean -= w / EVAL;
        double var = 0;
        for (double w : logW) var += (-w - mean) * (-w - mean) / (EVAL - 1);
        return new Estimate(mean, Math.sqrt(var / EVAL), EffectiveSampleSize.fraction(logW));
    }

    private static FlowTrainer trainer(Phi4Action action) {
        FlowArchitecture arch = new FlowArchitecture(4, new int[] {8}, 3, Activation.LEAKY_RELU);
        RealNvpFlow flow = RealNvpFlow.initial(LATTICE, arch, 1);
        return new FlowTrainer(flow, action, 2, 64, LearningRateSchedule.constant(1e-3), new Parallelism(2));
    }

    @Test
    void trainingAtTheStandardPointLowersTheLossAndRaisesTheEss() {
        FlowTrainer t = trainer(new Phi4Action(-4, 8));
        Estimate before = evaluate(t);
        List<Double> reported = new ArrayList<>();
        TrainingSummary summary = t.train(STEPS, 50, (step, loss, ess, lr, seconds) -> {
            reported.add((double) step);
            assertEquals(1e-3, lr, 0.0);
        });
        Estimate after = evaluate(t);
        assertEquals(List.of(50.0, 100.0, 150.0), reported);
        assertEquals(STEPS, summary.steps());
        assertEquals(64, summary.batch());
        assertTrue(before.loss() - after.loss() > 10 * (before.error() + after.error()), "loss must drop");
        assertTrue(after.ess() > 2 * before.ess() && after.ess() > 0.05, "ESS must rise");
    }

    @Test
    void freeTheoryApproachesTheExactBound() {
        double m2 = 0.5;
        FlowTrainer t = trainer(new Phi4Action(m2, 0));
        double minusLogZ = minusLogZ(m2);
        Estimate before = evaluate(t);
        t.train(STEPS, STEPS, TrainingListener.NONE);
        Estimate after = evaluate(t);
        assertTrue(before.loss() - after.loss() > 10 * (before.error() + after.error()), "loss must drop");
        assertTrue(after.loss() > minusLogZ - 4 * after.error(), "KL(q||p) >= 0");
        assertTrue(after.ess() > before.ess() + 0.1, "ESS must rise");
    }

    /** −log ∫ e^{−φᵀMφ} dφ = ½ Σ_p log λ_p − (V/2) log π, λ_p = m² + Σ_μ 4 sin²(p_μ/2). */
    private static double minusLogZ(double m2) {
        double logDet = 0;
        for (int k0 = 0; k0 < 4; k0++) {
            for (int k1 = 0; k1 < 4; k1++) {
                double s0 = Math.sin(Math.PI * k0 / 4);
                double s1 = Math.sin(Math.PI * k1 / 4);
                logDet += Math.log(m2 + 4 * s0 * s0 + 4 * s1 * s1);
            }
        }
        return 0.5 * logDet - 8 * Math.log(Math.PI);
    }
}
