package org.latticespark.spark.generate.flow;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 *   <li>Proposals: every chain's proposals (1 … T, or after its stored configuration when resumed) are split into
 *       blocks of {@code flow.proposals-per-task}, one task each, run in parallel across the cluster: the
 *       embarrassingly parallel part. A task returns only the log
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

    /**
     * One chain to run: from scratch ({@link FlowChainPlan.Start#FRESH}, {@code stored} null) or continued from its
     * stored configuration ({@code stored}: its site values) after {@code start.update()} updates.
     */
    public record FlowChain(ChainConfig config, int chain, FlowChainPlan.Start start, double[] stored)
            implements Serializable {
        public static FlowChain fresh(ChainConfig config, int chain) {
            return new FlowChain(config, chain, FlowChainPlan.Start.FRESH, null);
        }
    }

    /** The row tasks of a plan: one chain's saved configurations, in blocks. */
    private record RowBlock(FlowChain chain, String parametersJson, List<FlowChainPlan.Saved> saved)
            implements Serializable {}

    /** Every chain of every flow ensemble of the run, from scratch. */
    public static List<FlowChain> fresh(RunConfig run) {
        List<FlowChain> chains = new ArrayList<>();
        for (ChainConfig c : run.ensembles()) {
            if (c.algorithm != ChainConfig.Algorithm.FLOW) continue;
            for (int chain = 0; chain < c.chains; chain++) chains.add(FlowChain.fresh(c, chain));
        }
        return chains;
    }

    /**
     * Runs the proposal stage and the chains (Spark jobs now) and returns the rows, computed when the writer pulls
     * them, with the cost of a proposal.
     *
     * @param flows the trained flow of every flow ensemble, by ensemble name
     */
    public static Result rows(SparkSession spark, List<FlowChain> chains, Map<String, RealNvpFlow> flows) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (chains.isEmpty()) return new Result(jsc.emptyRDD(), Map.of());
        Broadcast<HashMap<String, RealNvpFlow>> shared = jsc.broadcast(new HashMap<>(flows));
        List<ProposalBlock> blocks = blocks(chains);
        Map<String, Phi4Action> actions = new HashMap<>();
        for (FlowChain f : chains) actions.put(f.config().ensemble, f.config().phi4Action());
        LOG.info("generate: flow proposals: {} task(s) for {} chain(s) of {}", blocks.size(), chains.size(),
                actions.keySet());
        long t0 = System.nanoTime();
        List<ProposalWeights> weights = jsc.parallelize(blocks, blocks.size())
                .map(b -> proposalWeights(b, shared.value().get(b.ensemble()), actions.get(b.ensemble())))
                .collect();
        LOG.info(String.format(Locale.ROOT, "generate: flow proposals: done in %.1f s", (System.nanoTime() - t0) / 1e9));

        List<RowBlock> rowBlocks = new ArrayList<>();
        Map<String, List<FlowChain>> byEnsemble = new LinkedHashMap<>();
        for (FlowChain f : chains) byEnsemble.computeIfAbsent(f.config().ensemble, k -> new ArrayList<>()).add(f);
        Map<String, Double> secondsPerProposal = new TreeMap<>();
        byEnsemble.forEach((e, list) -> secondsPerProposal.put(e, plan(list, weights, rowBlocks)));
        return new Result(jsc.parallelize(rowBlocks, Math.max(1, rowBlocks.size()))
                .flatMap(b -> rows(b, shared.value().get(b.chain().config().ensemble)).iterator()), secondsPerProposal);
    }

    /** Every chain's proposals after its start, in blocks of {@code flow.proposals-per-task}. */
    private static List<ProposalBlock> blocks(List<FlowChain> chains) {
        List<ProposalBlock> blocks = new ArrayList<>();
        for (FlowChain f : chains) {
            ChainConfig c = f.config();
            for (long first = f.start().update() + 1; first <= c.totalUpdates(); first += c.flow.proposalsPerTask) {
                int count = (int) Math.min(c.flow.proposalsPerTask, c.totalUpdates() - first + 1);
                blocks.add(new ProposalBlock(c.ensemble, c.seed, f.chain(), first, count));
            }
        }
        return blocks;
    }

    /**
     * Runs the chains of one ensemble over their proposals' weights, adds their row tasks and logs acceptance and
     * ESS; returns the task seconds per proposal.
     */
    private static double plan(List<FlowChain> chains, List<ProposalWeights> weights, List<RowBlock> rowBlocks) {
        ChainConfig c = chains.get(0).config();
        double taskSeconds = 0;
        long proposals = 0;
        for (ProposalWeights w : weights) {
            if (w.block().ensemble().equals(c.ensemble)) {
                taskSeconds += w.seconds();
                proposals += w.block().count();
            }
        }
        String json = EnsembleJson.toJson(c);
        double[] all = new double[(int) proposals];
        int filled = 0;
        long accepted = 0;
        long measured = 0;
        for (FlowChain f : chains) {
            double[][] w = assemble(weights, f);
            List<FlowChainPlan.Saved> saved = FlowChainPlan.of(c, f.chain(), f.start(), w[0], w[1]);
            for (FlowChainPlan.Saved s : saved) {
                for (UpdateRecord r : s.history()) {
                    if (r.index() > c.thermalization) {
                        measured++;
                        if (r.accepted()) accepted++;
                    }
                }
            }
            System.arraycopy(w[0], 0, all, filled, w[0].length);
            filled += w[0].length;
            boolean needsStored = saved.stream().anyMatch(s -> s.proposal() == FlowChainPlan.STORED);
            FlowChain shipped = needsStored ? f : new FlowChain(c, f.chain(), f.start(), null);
            for (int from = 0; from < saved.size(); from += c.flow.proposalsPerTask) {
                rowBlocks.add(new RowBlock(shipped, json, List.copyOf(saved.subList(from,
                        Math.min(saved.size(), from + c.flow.proposalsPerTask)))));
            }
        }
        double secondsPerProposal = taskSeconds / proposals;
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

    /** The chain's proposals' log weights and S/V, in update order from its start. */
    private static double[][] assemble(List<ProposalWeights> weights, FlowChain f) {
        long from = f.start().update() + 1;
        double[] lw = new double[(int) (f.config().totalUpdates() - from + 1)];
        double[] sd = new double[lw.length];
        for (ProposalWeights w : weights) {
            ProposalBlock b = w.block();
            if (!b.ensemble().equals(f.config().ensemble) || b.chain() != f.chain()) continue;
            int at = (int) (b.first() - from);
            System.arraycopy(w.logWeights(), 0, lw, at, w.logWeights().length);
            System.arraycopy(w.actionDensity(), 0, sd, at, w.actionDensity().length);
        }
        return new double[][] {lw, sd};
    }

    private static List<Row> rows(RowBlock b, RealNvpFlow flow) {
        FlowChain f = b.chain();
        ChainConfig c = f.config();
        Phi4Action action = c.phi4Action();
        FlowProposal proposal = new FlowProposal(flow, new RandomStream(c.seed, f.chain()));
        List<Row> out = new ArrayList<>();
        for (FlowChainPlan.Saved s : b.saved()) {
            double[] phi;
            if (s.proposal() == FlowChainPlan.STORED) {
                phi = f.stored().clone();
            } else {
                phi = new double[flow.lattice().volume()];
                double logQ = proposal.propose(s.proposal(), phi);
                double logWeight = -action.action(flow.lattice(), phi) - logQ;
                if (Double.compare(logWeight, s.logWeight()) != 0) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "%s chain %d: proposal %d regenerated "
                            + "with log weight %s, the proposal stage had %s: the flow is not deterministic on this "
                            + "executor", c.ensemble, f.chain(), s.proposal(), logWeight, s.logWeight()));
                }
            }
            SavedConfiguration saved = new SavedConfiguration(f.chain(), s.update(), new ScalarField(flow.lattice(), phi),
                    s.actionDensity(), s.history(), s.logWeight());
            out.add(Tables.configurationRow(c, b.parametersJson(), "java", saved));
        }
        return out;
    }
}
