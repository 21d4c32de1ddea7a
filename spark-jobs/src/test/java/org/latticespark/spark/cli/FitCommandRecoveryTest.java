package org.latticespark.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latticespark.spark.cli.CliRun.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The energy of a cosh correlator with autocorrelated, correlated noise is recovered within the printed error:
 * over independent seeds the pulls z = (E - E_true)/σ_E are standard normal, so Σz² is χ² with one degree of
 * freedom per seed. An error that ignored autocorrelations (τ_int ≈ 2.8 here, so σ too small by
 * sqrt(2 τ_int) ≈ 2.4) gives Σz²/seeds ≈ 5.6 and fails; measured: Σz² = 12.4 (uncorrelated) and 16.0
 * (correlated) for 20 seeds.
 */
class FitCommandRecoveryTest {
    private static final int SEEDS = 20;
    /** Two-sided bounds of Σz² at this probability each: a wrong error fails, a right one almost never. */
    private static final double TAIL = 1e-3;
    private static final FitCommandData.Correlator CORRELATOR =
            new FitCommandData.Correlator(0.8, 0.38, 32, 0.04, 0.8, 0.7);

    @TempDir
    Path dir;

    @Test
    void uncorrelatedFit() throws Exception {
        assertPullsStandardNormal(false);
    }

    @Test
    void correlatedFit() throws Exception {
        assertPullsStandardNormal(true);
    }

    private void assertPullsStandardNormal(boolean correlated) throws Exception {
        double sumSquares = 0;
        double tauInt = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            List<String> args = new ArrayList<>(List.of("fit"));
            for (int r = 0; r < 2; r++) {
                Path file = dir.resolve("seed" + seed + "-rep" + r + ".dat");
                args.add(FitCommandData.write(file, FitCommandData.columns(CORRELATOR, 800, 1000L * seed + r)).toString());
            }
            // t = 4..11: columns 6..13
            args.addAll(List.of("--columns", "6-13", "--x", "4,5,6,7,8,9,10,11", "--model", "cosh:32", "--json"));
            if (correlated) args.add("--correlated");
            JsonNode energy = new ObjectMapper().readTree(ok(args.toArray(new String[0])).out()).get("parameters").get(1);
            assertEquals("E", energy.get("name").asText());
            double z = (energy.get("value").doubleValue() - CORRELATOR.energy()) / energy.get("error").doubleValue();
            assertTrue(Math.abs(z) < 4.5, "seed " + seed + ": pull " + z);
            sumSquares += z * z;
            tauInt += energy.get("tau_int").doubleValue() / SEEDS;
        }
        ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(SEEDS);
        double low = chi2.inverseCumulativeProbability(TAIL);
        double high = chi2.inverseSurvivalProbability(TAIL);
        assertTrue(sumSquares > low && sumSquares < high,
                "sum of squared pulls " + sumSquares + " outside [" + low + ", " + high + "] for " + SEEDS + " seeds");
        assertTrue(tauInt > 1.5, "the test data must be autocorrelated, mean tau_int of E = " + tauInt);
    }
}
