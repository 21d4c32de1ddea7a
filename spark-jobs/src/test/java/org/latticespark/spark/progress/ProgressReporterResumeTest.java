package org.latticespark.spark.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.junit.jupiter.api.Test;
import scala.Option;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/** Progress lines of a resumed chain show its stored position; fraction and acceptance count this job only. */
class ProgressReporterResumeTest {
    private static final long ID = 4242;

    private static void heartbeat(ProgressReporter r, ChainProgress... ps) {
        Map<String, ChainProgress> update = new HashMap<>();
        for (ChainProgress p : ps) update.put(p.key(), p);
        AccumulableInfo info = new AccumulableInfo(ID, Option.apply(ProgressAccumulator.NAME), Option.apply(update),
                Option.empty(), false, false, Option.empty());
        Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> t =
                new Tuple4<>(1L, 0, 0, CollectionConverters.asScala(List.of(info)).toSeq());
        r.onExecutorMetricsUpdate(new SparkListenerExecutorMetricsUpdate("driver",
                CollectionConverters.asScala(List.of(t)).toSeq(), scala.collection.immutable.Map$.MODULE$.empty()));
    }

    @Test
    void resumedChainShowsItsStoredPosition() {
        List<String> lines = new ArrayList<>();
        ProgressReporter r = new ProgressReporter("generate", ID, List.of(
                new ProgressReporter.Expected("hmc", 0, 400, true, 120),
                new ProgressReporter.Expected("hmc", 1, 400, true)), Duration.ZERO, lines::add);
        // the task has just resumed the chain: stored position and plaquette, nothing accepted yet
        heartbeat(r, new ChainProgress("hmc", 0, 120, 400, 0.59372, 0, 0, "java"));
        String first = lines.get(lines.size() - 1);
        assertTrue(first.contains("hmc[120/400 P=0.59372, -]"), first);
        assertFalse(first.contains("acc="), first);
        assertTrue(first.contains("  0%"), first);
        // 140 of 400, 20 updates of this job of which 15 accepted; chain 1 from scratch at 60
        heartbeat(r, new ChainProgress("hmc", 0, 140, 400, 0.59, 15, 0, "java"),
                new ChainProgress("hmc", 1, 60, 400, 0.58, 30, 0, "java"));
        String later = lines.get(lines.size() - 1);
        assertTrue(later.contains("140/400 P=0.59000 acc=75%"), later);
        assertTrue(later.contains("60/400 P=0.58000 acc=50%"), later);
        // (20 + 60) of (280 + 400) updates
        assertEquals(String.format(java.util.Locale.ROOT, "%3.0f%%", 100.0 * 80 / 680),
                later.substring(later.indexOf('%') - 3, later.indexOf('%') + 1), later);
    }
}
