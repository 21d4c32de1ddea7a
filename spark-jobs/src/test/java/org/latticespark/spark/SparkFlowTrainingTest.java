package org.latticespark.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.generation.flow.FlowWeights;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.generate.flow.FlowModels;
import org.latticespark.spark.generate.flow.FlowTraining;

/** Data-parallel training on Spark gives the weights of training on the driver, bit for bit. */
class SparkFlowTrainingTest {
    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = TestSupport.session("local[2]");
    }

    @AfterAll
    static void stop() {
        TestSupport.stop(spark);
    }

    private static RunConfig config(String output, int tasks) {
        return RunConfig.parse("""
                name = t
                seed = 5
                ensembles = [ { name = f, theory = phi4, algorithm = flow, lattice = [4, 4],
                                flow { layers = 2, hidden-channels = [4], training-steps = 6, batch = 29,
                                       training-tasks = %d } } ]
                """.formatted(tasks), "t.conf").withOutput(dir.resolve(output).toString());
    }

    private static FlowWeights.Contents train(RunConfig c, int threads) {
        List<FlowTraining.Trained> t = new FlowTraining(c, JavaSparkContext.fromSparkContext(spark.sparkContext()),
                line -> {}).threads(threads).run(false);
        assertEquals(1, t.size());
        assertTrue(t.get(0).trainedNow());
        return FlowModels.load(c, c.ensembles().get(0));
    }

    @Test
    void sparkTasksGiveTheDriversWeightsBitForBit() throws Exception {
        FlowWeights.Contents driver = train(config("driver", 0), 2);
        FlowWeights.Contents tasks = train(config("tasks", 3), 1);
        FlowWeights.Contents oneTask = train(config("one", 1), 1);
        assertEquals(6, tasks.training().steps());
        assertArrayEquals(driver.flow().parameters(), tasks.flow().parameters());
        assertArrayEquals(driver.flow().parameters(), oneTask.flow().parameters());
        assertEquals(driver.training().finalLoss(), tasks.training().finalLoss());
        assertEquals(driver.training().finalEss(), tasks.training().finalEss());
        for (String f : List.of("f-loss.png", "f-loss.svg", "f-ess.png", "f-ess.svg")) {
            assertTrue(java.nio.file.Files.size(dir.resolve("driver").resolve("flows").resolve(f)) > 0, f);
        }
    }
}
