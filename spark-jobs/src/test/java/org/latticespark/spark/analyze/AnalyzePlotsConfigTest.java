package org.latticespark.spark.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latticespark.spark.InvalidInputException;
import org.latticespark.spark.config.RunConfig;

/** The {@code analyze.plots} key: default, values, errors, and its place in run.json's configuration. */
class AnalyzePlotsConfigTest {
    private static final String ENSEMBLES = "ensembles = [ { name = a } ]\n";

    @Test
    void onByDefaultAndSwitchedOffByFalse() {
        assertTrue(RunConfig.parse(ENSEMBLES, "t.conf").analyzePlots());
        assertFalse(RunConfig.parse(ENSEMBLES + "analyze.plots = false\n", "t.conf").analyzePlots());
        assertFalse(RunConfig.parse(ENSEMBLES + "analyze { s = 1.5, plots = off }\n", "t.conf").analyzePlots());
        RunConfig c = RunConfig.parse(ENSEMBLES + "analyze.plots = false\n", "t.conf");
        assertFalse(c.withOutput("/tmp/x").withMaster("local[1]").analyzePlots(), "the with* copies keep it");
        assertEquals(Map.of("s", 2.0, "plots", false), c.toJsonTree().get("analyze"));
    }

    @Test
    void anythingButABooleanIsRefusedWithTheKeyAndLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RunConfig.parse(ENSEMBLES + "analyze.plots = maybe\n", "t.conf"));
        assertTrue(e.getMessage().contains("analyze.plots") && e.getMessage().contains("true or false")
                && e.getMessage().contains("maybe") && e.getMessage().contains("line 2"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> RunConfig.parse(ENSEMBLES + "analyze.plot = false\n", "t.conf"));
        assertTrue(e.getMessage().contains("did you mean 'analyze.plots'"), e.getMessage());
    }
}
