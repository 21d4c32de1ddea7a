package org.latticespark.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.UpdateRecord;
import org.latticespark.generation.flow.FlowWeights;
import org.latticespark.generation.flow.RealNvpFlow;
import org.latticespark.generation.scalar.FlowProposal;
import org.latticespark.generation.scalar.IndependenceMetropolis;
import org.latticespark.generation.scalar.IndependenceSampler;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.scalar.ScalarField;
import org.latticespark.spark.analyze.SummaryRow;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.generate.GenerateJob;
import org.latticespark.spark.generate.flow.FlowModels;
import org.latticespark.spark.table.StoredConfiguration;
import org.latticespark.spark.table.Tables;

/**
 * φ⁴ through the whole pipeline: flow ensembles in 2d and 3d (train → proposals on Spark → independence
 * Metropolis–Hastings in order) and an HMC ensemble, measured and analysed side by side.
 */
class Phi4PipelineTest {
    private static final int CONFIGURATIONS = 40, CHAINS = 2;
    private static SparkSession spark;

    @TempDir
    static Path dir;

    private static RunConfig config;
    private static RunPipeline.Result result;

    static RunConfig config(String output, int proposalsPerTask) {
        return config(output, proposalsPerTask, CONFIGURATIONS);
    }

    static RunConfig config(String output, int proposalsPerTask, int configurations) {
        return RunConfig.parse("""
                name = phi4
                seed = 12
                ensemble-defaults { theory = phi4, lattice = [4, 4], phi4 { m2 = -1.0, lambda = 1.0 }, chains = 2,
                                    thermalization = 5, configurations = %d }
                ensembles = [
                  { name = flow, algorithm = flow,
                    flow { layers = 2, hidden-channels = [4], training-steps = 30, batch = 16,
                           proposals-per-task = %d } }
                  { name = hmc, algorithm = hmc, hmc.steps = 6 }
                  { name = flow3d, algorithm = flow, lattice = [4, 2, 4],
                    flow { layers = 2, hidden-channels = [2], kernel-size = 1, training-steps = 5, batch = 8 } }
                ]
                """.formatted(configurations, proposalsPerTask), "phi4.conf").withOutput(output);
    }

    @BeforeAll
    static void run() {
        spark = TestSupport.session("local[2]");
        config = config(dir.resolve("out").toString(), 13);
        result = new RunPipeline(spark, config).run();
    }

    @AfterAll
    static void stop() {
        TestSupport.stop(spark);
    }

    private static List<StoredConfiguration> stored(RunConfig c, String ensemble) {
        String path = c.layout().configurations();
        List<StoredConfiguration> out = new ArrayList<>();
        for (Row r : Tables.readConfigurationTable(spark, path).collectAsList()) {
            StoredConfiguration s = Tables.readConfiguration(r, path);
            if (s.ensemble().equals(ensemble)) out.add(s);
        }
        out.sort((a, b) -> a.chain() != b.chain() ? Integer.compare(a.chain(), b.chain())
                : Long.compare(a.update(), b.update()));
        return out;
    }

    @Test
    void flowRowsAreTheInJvmIndependenceChainBitForBit() throws Exception {
        assertTrue(Files.exists(Path.of(config.layout().root(), "flows", "flow.flow")), "the run trained the flow");
        ChainConfig c = config.ensemble("flow").orElseThrow();
        RealNvpFlow flow = FlowModels.load(config, c).flow();
        List<StoredConfiguration> rows = stored(config, "flow");
        assertEquals(CHAINS * CONFIGURATIONS, rows.size());
        for (int chain = 0; chain < CHAINS; chain++) {
            RandomStream stream = new RandomStream(c.seed, chain);
            IndependenceSampler sampler = new IndependenceSampler(c.phi4Action(), new FlowProposal(flow, stream),
                    new IndependenceMetropolis(stream));
            ScalarField field = ScalarField.cold(c.lattice());
            List<UpdateRecord> records = new ArrayList<>();
            for (long i = 1; i <= c.totalUpdates(); i++) records.add(sampler.update(field, i));
            StoredConfiguration last = rows.get(chain * CONFIGURATIONS + CONFIGURATIONS - 1);
            assertArrayEquals(field.values(), last.field().data(), "chain " + chain + " final configuration");
            assertEquals(sampler.currentLogWeight(), last.logWeight());
            List<UpdateRecord> history = new ArrayList<>();
            for (StoredConfiguration s : rows.subList(chain * CONFIGURATIONS, (chain + 1) * CONFIGURATIONS)) {
                history.addAll(s.history());
            }
            for (int i = 0; i < records.size(); i++) {
                UpdateRecord a = records.get(i), b = history.get(i);
                assertEquals(a.index(), b.index());
                assertEquals(a.accepted(), b.accepted(), "update " + a.index());
                assertEquals(a.logWeight(), b.logWeight(), "update " + a.index());
                assertEquals(a.plaquette(), b.plaquette(), 1e-14, "S/V after update " + a.index());
            }
        }
    }

    /** The run's trained weights, copied to another output. */
    private static void copyFlows(RunConfig to) {
        try {
            Files.createDirectories(Path.of(to.layout().root(), "flows"));
            for (String f : List.of("flow.flow", "flow3d.flow")) {
                Files.copy(Path.of(config.layout().root(), "flows", f), Path.of(to.layout().root(), "flows", f));
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertSameChains(RunConfig a, RunConfig b, String ensemble) {
        List<StoredConfiguration> x = stored(a, ensemble);
        List<StoredConfiguration> y = stored(b, ensemble);
        assertEquals(x.size(), y.size(), ensemble);
        for (int i = 0; i < x.size(); i++) {
            assertEquals(x.get(i).update(), y.get(i).update(), ensemble);
            assertEquals(x.get(i).checksum(), y.get(i).checksum(), ensemble + " update " + x.get(i).update());
            assertEquals(x.get(i).history(), y.get(i).history(), ensemble + " update " + x.get(i).update());
            assertEquals(x.get(i).logWeight(), y.get(i).logWeight(), ensemble + " update " + x.get(i).update());
        }
    }

    @Test
    void flowTableDoesNotDependOnHowProposalsAreSplitIntoTasks() {
        RunConfig other = config(dir.resolve("other").toString(), 1000);
        copyFlows(other);
        new GenerateJob(spark, other).run(false);
        assertSameChains(config, other, "flow");
    }

    @Test
    void resumedFlowAndHmcChainsContinueBitForBit() {
        RunConfig half = config(dir.resolve("resumed").toString(), 7, CONFIGURATIONS / 2 + 3);
        copyFlows(half);
        new GenerateJob(spark, half).run(false);
        RunConfig full = config(dir.resolve("resumed").toString(), 1000, CONFIGURATIONS);
        GenerateJob.Result r = new GenerateJob(spark, full).resume();
        assertEquals(3L * CHAINS, r.resumedChains());
        for (String e : List.of("flow", "hmc", "flow3d")) assertSameChains(config, full, e);
    }

    @Test
    void resumingWithOtherWeightsIsRefused() throws Exception {
        RunConfig half = config(dir.resolve("swapped").toString(), 13, CONFIGURATIONS / 2);
        copyFlows(half);
        new GenerateJob(spark, half).run(false);
        ChainConfig c = half.ensemble("flow").orElseThrow();
        Path file = FlowModels.weightsPath(half, c);
        FlowWeights.save(file, RealNvpFlow.initial(c.lattice(), FlowModels.architecture(c.flow), 99), c.phi4Action(),
                FlowModels.load(half, c).training());
        RunConfig full = config(dir.resolve("swapped").toString(), 13, CONFIGURATIONS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new GenerateJob(spark, full).resume());
        assertTrue(e.getMessage().contains("ensemble=flow") && e.getMessage().contains("not the weights"),
                e.getMessage());
    }

    @Test
    void bothSamplersAreMeasuredAndAnalysed() {
        Map<String, SummaryRow> rows = new TreeMap<>();
        for (SummaryRow r : result.analyze().summary().rows()) rows.put(r.ensemble() + "/" + r.observable(), r);
        for (String e : List.of("flow", "hmc", "flow3d")) {
            for (String o : List.of("magnetization", "abs_magnetization", "volume_magnetization_sq", "phi2",
                    "two_point_t0", "two_point_t2", "accepted", "update_action_density")) {
                assertTrue(rows.containsKey(e + "/" + o), e + "/" + o + " in " + rows.keySet());
            }
        }
        SummaryRow ess = rows.get("flow/ess_per_proposal");
        assertTrue(ess != null && ess.ok() && ess.value() > 0 && ess.value() <= 1, String.valueOf(ess));
        assertTrue(rows.containsKey("flow/log_weight"));
        assertTrue(!rows.containsKey("hmc/log_weight") && !rows.containsKey("hmc/ess_per_proposal"));
        assertTrue(rows.get("hmc/accepted").value() > 0.5, "HMC acceptance");
    }

    /** The flow ensemble alone, with another action or architecture, reading the run's trained weights. */
    private static RunConfig flowOnly(double m2, double lambda, int layers) {
        return RunConfig.parse("""
                name = phi4
                ensembles = [ { name = flow, theory = phi4, algorithm = flow, lattice = [4, 4],
                                phi4 { m2 = %s, lambda = %s }, flow { layers = %d, hidden-channels = [4] } } ]
                """.formatted(m2, lambda, layers), "x.conf").withOutput(config.layout().root());
    }

    @Test
    void missingOrMismatchedWeightsAreRefusedWithTheFileNamed() throws Exception {
        RunConfig missing = config(dir.resolve("missing").toString(), 13);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new GenerateJob(spark, missing).run(false));
        assertTrue(e.getMessage().contains("flow.flow") && e.getMessage().contains("train"), e.getMessage());
        RunConfig otherAction = flowOnly(-1.0, 1.5, 2);
        InvalidInputException m = assertThrows(InvalidInputException.class,
                () -> FlowModels.load(otherAction, otherAction.ensembles().get(0)));
        assertTrue(m.getMessage().contains("flow.flow") && m.getMessage().contains("lambda"), m.getMessage());
        RunConfig otherShape = flowOnly(-1.0, 1.0, 4);
        InvalidInputException s = assertThrows(InvalidInputException.class,
                () -> FlowModels.load(otherShape, otherShape.ensembles().get(0)));
        assertTrue(s.getMessage().contains("architecture") && s.getMessage().contains("--overwrite"), s.getMessage());
    }
}
