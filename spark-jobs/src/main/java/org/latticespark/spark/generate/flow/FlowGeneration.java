package org.latticespark.spark.generate.flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.SavedConfiguration;
import org.latticespark.generation.UpdateRecord;
import org.latticespark.generation.flow.EffectiveSampleSize;
import org.latticespark.generation.flow.RealNvpFlow;
import org.latticespark.generation.scalar.FlowProposal;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.scalar.Phi4Action;
import org.latticespark.lattice.scalar.ScalarField;
import org.latticespark.spark.config.EnsembleJson;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.table.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configurations of the flow ensembles of a run, in two Spark stages.
 *
 * <ol>
 *   <li>Proposals: every chain's proposals 1 … T are split into blocks of {@code flow.proposals-per-task}, one task
 *       each, run in parallel across the cluster: the embarrassingly parallel part. A task returns only the log
 *       weight log w = −S − log q and S/V of each proposal.</li>
 *   <li>The driver runs each independence Metropolis–Hastings chain over those weights in order
 *       ({@link FlowChainPlan}): which proposal every saved configuration is.</li>
 *   <li>Rows: tasks regenerate the saved proposals from their counter-based prior draws (the flow is StrictMath
 *       throughout, so bit for bit on any executor; a mismatch with the planned log weight fails the task) and make
 *       the configuration rows, with the acceptance flags and log weights of every proposal in the history.</li>
 * </ol>
 * Proposals are streamed, not stored: the fields of the rejected ones never leave their task.
 */
public final class FlowGeneration {
    private static final Logger LOG = LoggerFactory.getLogger(FlowGeneration.class);

    private FlowGeneration() {}

    /**
     * The rows (computed when the writer pulls them) and, per flow ensemble, the seconds one proposal took in the
     * proposal tasks (flow, action and prior draws; one thread).
     */
    public record Result(JavaRDD<Row> rows, Map<String, Double> secondsPerProposal) {}

    /** The row tasks of a plan: one chain's saved configurations, in blocks. */
    private record RowBlock(ChainConfig config, String parametersJson, int chain, List<FlowChainPlan.Saved> saved)
            implements java.io.Serializable {}

    /**
     * Runs the proposal stage and the chains (Spark jobs now) and returns the rows, computed when the writer pulls
     * them, with the cost of a proposal.
     *
     * @param flows the trained flow of every flow ensemble, by ensemble name
     */
    public static Result rows(SparkSession spark, RunConfig run, Map<String, RealNvpFlow> flows) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<ChainConfig> ensembles = new ArrayList<>();
        for (ChainConfig c : run.ensembles()) if (c.algorithm == ChainConfig.Algorithm.FLOW) ensembles.add(c);
        if (ensembles.isEmpty()) return new Result(jsc.emptyRDD(), Map.of());
        Broadcast<HashMap<String, RealNvpFlow>> shared = jsc.broadcast(new HashMap<>(flows));
        List<ProposalBlock> blocks = blocks(ensembles);
        Map<String, Phi4Action> actions = new HashMap<>();
        for (ChainConfig c : ensembles) actions.put(c.ensemble, c.phi4Action());
        LOG.info("generate: flow proposals: {} task(s) for {}", blocks.size(),
                ensembles.stream().map(c -> c.ensemble + " (" + c.chains + " x " + c.totalUpdates() + ")").toList());
        long t0 = System.nanoTime();
        List<ProposalWeights> weights = jsc.parallelize(blocks, blocks.size())
                .map(b -> proposalWeights(b, shared.value().get(b.ensemble()), actions.get(b.ensemble())))
                .collect();
        LOG.info(String.format(Locale.ROOT, "generate: flow proposals: done in %.1f s", (System.nanoTime() - t0) / 1e9));

        List<RowBlock> rowBlocks = new ArrayList<>();
        Map<String, Double> secondsPerProposal = new TreeMap<>();
        for (ChainConfig c : ensembles) secondsPerProposal.put(c.ensemble, plan(c, weights, rowBlocks));
        return new Result(jsc.parallelize(rowBlocks, Math.max(1, rowBlocks.size()))
                .flatMap(b -> rows(b, shared.value().get(b.config().ensemble)).iterator()), secondsPerProposal);
    }

    /** Every chain's proposals 1 … T in blocks of {@code flow.proposals-per-task}. */
    private static List<ProposalBlock> blocks(List<ChainConfig> ensembles) {
        List<ProposalBlock> blocks = new ArrayList<>();
        for (ChainConfig c : ensembles) {
            for (int chain = 0; chain < c.chains; chain++) {
                for (long first = 1; first <= c.totalUpdates(); first += c.flow.proposalsPerTask) {
                    int count = (int) Math.min(c.flow.proposalsPerTask, c.totalUpdates() - first + 1);
                    blocks.add(new ProposalBlock(c.ensemble, c.seed, chain, first, count));
                }
            }
        }
        return blocks;
    }

    /**
     * Runs the chains of one ensemble over their proposals' weights, adds their row tasks and logs acceptance and
     * ESS; returns the task seconds per proposal.
     */
    private static double plan(ChainConfig c, List<ProposalWeights> weights, List<RowBlock> rowBlocks) {
        double taskSeconds = 0;
        for (ProposalWeights w : weights) if (w.block().ensemble().equals(c.ensemble)) taskSeconds += w.seconds();
        double secondsPerProposal = taskSeconds / ((double) c.chains * c.totalUpdates());
        String json = EnsembleJson.toJson(c);
        double[] all = new double[0];
        long accepted = 0;
        for (int chain = 0; chain < c.chains; chain++) {
            double[][] w = assemble(weights, c, chain);
            List<FlowChainPlan.Saved> saved = FlowChainPlan.of(c, chain, w[0], w[1]);
            for (FlowChainPlan.Saved s : saved) {
                for (UpdateRecord r : s.history()) if (r.index() > c.thermalization && r.accepted()) accepted++;
            }
            all = concat(all, w[0]);
            for (int from = 0; from < saved.size(); from += c.flow.proposalsPerTask) {
                rowBlocks.add(new RowBlock(c, json, chain, List.copyOf(saved.subList(from,
                        Math.min(saved.size(), from + c.flow.proposalsPerTask)))));
            }
        }
        long measured = (long) c.chains * (c.totalUpdates() - c.thermalization);
        LOG.info(String.format(Locale.ROOT, "generate: %s: flow acceptance %.4f (after thermalization), ESS/N of all %d "
                + "proposals %.4f, %.1f µs per proposal", c.ensemble, (double) accepted / measured, all.length,
                EffectiveSampleSize.fraction(all), 1e6 * secondsPerProposal));
        return secondsPerProposal;
    }

    static ProposalWeights proposalWeights(ProposalBlock b, RealNvpFlow flow, Phi4Action action) {
        long t0 = System.nanoTime();
        FlowProposal proposal = new FlowProposal(flow, new RandomStream(b.seed(), b.chain()));
        double[] phi = new double[flow.lattice().volume()];
        double[] logWeights = new double[b.count()];
        double[] density = new double[b.count()];
        for (int i = 0; i < b.count(); i++) {
            double logQ = proposal.propose(b.first() + i, phi);
            double s = action.action(flow.lattice(), phi);
            logWeights[i] = -s - logQ;
            density[i] = s / phi.length;
        }
        return new ProposalWeights(b, logWeights, density, (System.nanoTime() - t0) * 1e-9);
    }

    private static double[][] assemble(List<ProposalWeights> weights, ChainConfig c, int chain) {
        double[] lw = new double[(int) c.totalUpdates()];
        double[] sd = new double[lw.length];
        List<ProposalWeights> mine = new ArrayList<>();
        for (ProposalWeights w : weights) {
            if (w.block().ensemble().equals(c.ensemble) && w.block().chain() == chain) mine.add(w);
        }
        mine.sort(Comparator.comparingLong(w -> w.block().first()));
        for (ProposalWeights w : mine) {
            int at = (int) (w.block().first() - 1);
            System.arraycopy(w.logWeights(), 0, lw, at, w.logWeights().length);
            System.arraycopy(w.actionDensity(), 0, sd, at, w.actionDensity().length);
        }
        return new double[][] {lw, sd};
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<Row> rows(RowBlock b, RealNvpFlow flow) {
        ChainConfig c = b.config();
        Phi4Action action = c.phi4Action();
        FlowProposal proposal = new FlowProposal(flow, new RandomStream(c.seed, b.chain()));
        List<Row> out = new ArrayList<>();
        for (FlowChainPlan.Saved s : b.saved()) {
            double[] phi = new double[flow.lattice().volume()];
            double logQ = proposal.propose(s.proposal(), phi);
            double logWeight = -action.action(flow.lattice(), phi) - logQ;
            if (Double.compare(logWeight, s.logWeight()) != 0) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%s chain %d: proposal %d regenerated with "
                        + "log weight %s, the proposal stage had %s: the flow is not deterministic on this executor",
                        c.ensemble, b.chain(), s.proposal(), logWeight, s.logWeight()));
            }
            SavedConfiguration saved = new SavedConfiguration(b.chain(), s.update(), new ScalarField(flow.lattice(), phi),
                    s.actionDensity(), s.history(), s.logWeight());
            out.add(Tables.configurationRow(c, b.parametersJson(), "java", saved));
        }
        return out;
    }
}
