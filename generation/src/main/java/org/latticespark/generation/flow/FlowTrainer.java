package org.latticespark.generation.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.scalar.Phi4Action;

/**
 * Trains a {@link RealNvpFlow} by minimising the reverse Kullback–Leibler divergence to p(φ) ∝ e^{−S(φ)}: the loss of
 * step k is the batch mean of F(θ; z_i) = log q(φ_i) + S(φ_i), φ_i = f_θ(z_i), an estimate of KL(q‖p) − log Z, and
 * its gradient (reverse mode, {@link RealNvpFlow#reverseKl}) drives {@link Adam}. Sample i of step k draws its z from
 * RandomStream(seed, 0).at(i, k, Purpose.of(FLOW_TRAINING, 0)), V gaussians in site order, so a step depends only on
 * (seed, k, parameters). Samples are spread over threads in chunks of {@value #CHUNK}; gradients are summed exactly
 * ({@link BatchGradient}), so training is the same bit for bit on any number of threads. Not thread-safe itself.
 */
public final class FlowTrainer {
    /** Samples per unit of work handed to a thread. */
    public static final int CHUNK = 8;

    private final RealNvpFlow flow;
    private final Phi4Action action;
    private final long seed;
    private final int batch;
    private final LearningRateSchedule schedule;
    private final Parallelism par;
    private final RandomStream stream;
    private final Adam adam;
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    private long step;
    private double elapsedSeconds;
    private double lastLoss = Double.NaN;
    private double lastEss = Double.NaN;

    /** The result of one step: its 0-based index, the batch loss and ESS/N before the update, the rate used. */
    public record StepResult(long step, double loss, double ess, double learningRate) {}

    public FlowTrainer(RealNvpFlow flow, Phi4Action action, long seed, int batch, LearningRateSchedule schedule,
                       Parallelism par) {
        if (batch < 1) throw new IllegalArgumentException("flow.batch: must be >= 1, got " + batch);
        this.flow = flow;
        this.action = action;
        this.seed = seed;
        this.batch = batch;
        this.schedule = schedule;
        this.par = par;
        this.stream = new RandomStream(seed, 0);
        this.adam = new Adam(flow.parameterCount());
    }

    public RealNvpFlow flow() { return flow; }

    /** Steps done so far (the index of the next step). */
    public long stepsDone() { return step; }

    /**
     * Σ over samples i ∈ [firstSample, firstSample + samples) of step {@code step} of ∂F_i/∂θ and F_i, and the log
     * weights −F_i, at the current parameters. Exact sums: independent of the thread count, and adjacent ranges
     * joined by {@link BatchGradient#plus} give the whole range bit for bit.
     */
    public BatchGradient gradient(long step, int firstSample, int samples) {
        if (firstSample < 0 || samples < 1) {
            throw new IllegalArgumentException("samples [" + firstSample + ", +" + samples + ") must be non-empty");
        }
        double[] logWeights = new double[samples];
        int chunks = (samples + CHUNK - 1) / CHUNK;
        int purpose = Purpose.of(Purpose.FLOW_TRAINING, 0);
        for (Worker w : workers) {
            w.gradient.clear();
            w.objective.clear();
        }
        // One Parallelism block per chunk: forEach cuts its range into blocks of BLOCK indices.
        par.forEach(Math.multiplyExact(chunks, Parallelism.BLOCK), i -> {
            if (i % Parallelism.BLOCK != 0) return;
            int c = i / Parallelism.BLOCK;
            Worker w = take();
            try {
                int end = Math.min(samples, (c + 1) * CHUNK);
                for (int j = c * CHUNK; j < end; j++) {
                    CounterRng rng = w.rng.reset(firstSample + j, step, purpose);
                    for (int x = 0; x < w.z.length; x++) w.z[x] = rng.gaussian();
                    java.util.Arrays.fill(w.sampleGradient, 0.0);
                    double f = flow.reverseKl(w.z, action, w.sampleGradient, null, w.workspace);
                    w.gradient.add(w.sampleGradient);
                    w.objective.add(0, f);
                    logWeights[j] = -f;
                }
            } finally {
                idle.push(w);
            }
        });
        ExactSum gradient = new ExactSum(flow.parameterCount());
        ExactSum objective = new ExactSum(1);
        for (Worker w : workers) {
            gradient.add(w.gradient);
            objective.add(w.objective);
        }
        return new BatchGradient(step, firstSample, gradient, objective, logWeights);
    }

    /** One training step: the batch's mean gradient, then Adam with the schedule's rate. */
    public StepResult step() {
        long start = System.nanoTime();
        return apply(gradient(step, 0, batch), start);
    }

    /**
     * Completes the current step with its whole-batch gradient computed elsewhere (for example the sum of Spark
     * tasks' sub-ranges): samples [0, batch) of step {@link #stepsDone()}. Same result as {@link #step()}.
     */
    public StepResult apply(BatchGradient whole) {
        return apply(whole, System.nanoTime());
    }

    private StepResult apply(BatchGradient g, long startNanos) {
        long k = step;
        if (g.step() != k || g.firstSample() != 0 || g.samples() != batch) {
            throw new IllegalArgumentException("step " + k + " needs samples [0, " + batch + "), got step " + g.step()
                    + " samples [" + g.firstSample() + ", " + (g.firstSample() + g.samples()) + ")");
        }
        double[] grad = g.gradientSum();
        for (int i = 0; i < grad.length; i++) {
            if (!Double.isFinite(grad[i])) {
                throw new IllegalStateException("flow training diverged at step " + k + ": non-finite gradient");
            }
            grad[i] /= batch;
        }
        double lr = schedule.rate(k);
        adam.update(flow.parameters(), grad, lr);
        step++;
        lastLoss = g.objectiveSum() / batch;
        lastEss = EffectiveSampleSize.fraction(g.logWeights());
        elapsedSeconds += (System.nanoTime() - startNanos) * 1e-9;
        return new StepResult(k, lastLoss, lastEss, lr);
    }

    /** {@code steps} steps, telling the listener after every {@code reportEvery}-th one and after the last. */
    public TrainingSummary train(int steps, int reportEvery, TrainingListener listener) {
        if (reportEvery < 1) throw new IllegalArgumentException("reportEvery must be >= 1, got " + reportEvery);
        for (int n = 1; n <= steps; n++) {
            StepResult r = step();
            if (n % reportEvery == 0 || n == steps) {
                listener.progress(step, r.loss(), r.ess(), r.learningRate(), elapsedSeconds);
            }
        }
        return summary();
    }

    /** Steps done, batch, seed, last loss and ESS, and the seconds spent in steps so far. */
    public TrainingSummary summary() {
        return new TrainingSummary(step, batch, seed, lastLoss, lastEss, elapsedSeconds);
    }

    private Worker take() {
        Worker w = idle.poll();
        if (w != null) return w;
        w = new Worker(flow, stream);
        synchronized (workers) {
            workers.add(w);
        }
        return w;
    }

    private static final class Worker {
        final RealNvpFlow.Workspace workspace;
        final CounterRng rng;
        final double[] z;
        final double[] sampleGradient;
        final ExactSum gradient;
        final ExactSum objective = new ExactSum(1);

        Worker(RealNvpFlow flow, RandomStream stream) {
            workspace = flow.newWorkspace();
            rng = new CounterRng(stream);
            z = new double[flow.lattice().volume()];
            sampleGradient = new double[flow.parameterCount()];
            gradient = new ExactSum(flow.parameterCount());
        }
    }
}
