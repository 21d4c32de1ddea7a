package org.latticespark.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latticespark.spark.cli.CliRun.assertBadInput;
import static org.latticespark.spark.cli.CliRun.cli;
import static org.latticespark.spark.cli.CliRun.ok;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code latticespark bench} on tiny sizes: the table, the JSON, bad options. No timing assertions. */
class BenchCommandTest {
    private static final String[] TINY = {"bench", "--lattice", "4,4,4,4", "--threads", "2", "--seconds", "0.002",
            "--triad-mb", "1"};

    private static String[] tiny(String... more) {
        String[] all = new String[TINY.length + more.length];
        System.arraycopy(TINY, 0, all, 0, TINY.length);
        System.arraycopy(more, 0, all, TINY.length, more.length);
        return all;
    }

    @Test
    void printsMachineLineTriadAndOneRowPerKernel() {
        String out = ok(tiny()).out();
        String[] lines = out.split("\n");
        assertTrue(lines[0].startsWith("machine: ") && lines[0].contains("2 threads") && lines[0].contains("Java "), out);
        assertTrue(lines[1].startsWith("triad: ") && lines[1].contains("GB/s") && lines[1].contains("3 x 1 MiB"), out);
        assertTrue(lines[2].startsWith("lattice") && lines[2].contains("GFLOP/s") && lines[2].contains("roofline"), out);
        assertEquals(2 + 1 + 4 + 1 + 1 + 1 + 1, lines.length, out);
        List<String> operators = List.of("staggered D", "staggered D_eo", "Wilson H", "Wilson H_eo");
        for (int i = 0; i < 4; i++) {
            String[] cells = lines[3 + i].split(" {2,}");
            assertEquals(13, cells.length, lines[3 + i]);
            assertEquals(List.of("4x4x4x4", "SU3", operators.get(i)), List.of(cells[0], cells[1], cells[2]));
            assertEquals(i % 2 == 0 ? "256" : "128", cells[3]);
            assertEquals(i < 2 ? "570" : "1320", cells[8]);
            assertEquals(i < 2 ? "1584" : "2880", cells[10]);
            assertTrue(Double.parseDouble(cells[6]) <= Double.parseDouble(cells[5]), "best <= mean: " + lines[3 + i]);
            for (int c : new int[] {4, 5, 6, 7, 9, 11, 12}) {
                double x = Double.parseDouble(cells[c]);
                assertTrue(Double.isFinite(x) && x > 0, "cell " + c + " of " + lines[3 + i]);
            }
        }
        int end = lines[2].length();
        for (int i = 3; i < 7; i++) assertEquals(end, lines[i].length(), "aligned: " + out);
        assertEquals("", lines[7]);
        assertTrue(lines[8].startsWith("CG on the staggered even operator"), out);
        assertTrue(lines[9].startsWith("lattice") && lines[9].contains("iterations"), out);
        String[] cg = lines[10].split(" {2,}");
        assertEquals(10, cg.length, lines[10]);
        assertEquals(List.of("4x4x4x4", "SU3"), List.of(cg[0], cg[1]));
        assertTrue(Double.parseDouble(cg[4]) <= 1e-8, lines[10]);
        assertEquals(lines[9].length(), lines[10].length(), "aligned: " + out);
    }

    @Test
    void jsonParsesWithPositiveFiguresAndStandardCounts() {
        String out = ok(tiny("--json", "--lattice", "4,2", "--group", "U1", "--seed", "3")).out();
        Config root = ConfigFactory.parseString(out, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
        assertEquals(2, root.getInt("machine.threads"));
        assertTrue(root.getInt("machine.cores") >= 1);
        assertTrue(root.getString("machine.jvm").startsWith("Java "));
        assertEquals(1024 * 1024 / 8, root.getInt("triad.elements_per_array"));
        assertEquals(24, root.getInt("triad.bytes_per_element"));
        assertFalse(root.getBoolean("triad.write_allocate_counted"));
        double triad = root.getDouble("triad.gb_per_s");
        assertPositive(triad);
        List<? extends Config> kernels = root.getConfigList("kernels");
        assertEquals(8, kernels.size());
        for (int i = 0; i < kernels.size(); i++) {
            Config k = kernels.get(i);
            boolean fourD = i < 4;
            boolean wilson = k.getString("operator").startsWith("Wilson");
            assertEquals(fourD ? List.of(4, 4, 4, 4) : List.of(4, 2), k.getIntList("lattice"));
            assertEquals("U1", k.getString("group"));
            int d = fourD ? 4 : 2;
            int spins = wilson ? (fourD ? 4 : 2) : 1;
            assertEquals(16L * (2 * d * (1 + spins) + spins), k.getLong("bytes_per_site"), k.toString());
            long flops = wilson ? 2L * d * (spins + spins / 2 * 6) + (2L * d - 1) * 2 * spins : 2L * d * 6 + (2L * d - 1) * 2;
            assertEquals(flops, k.getLong("flops_per_site"), k.toString());
            assertEquals((fourD ? 256 : 8) / (k.getString("operator").endsWith("_eo") ? 2 : 1), k.getInt("output_sites"));
            assertTrue(k.getLong("applications") >= 1);
            assertTrue(k.getDouble("best_seconds_per_application") <= k.getDouble("seconds_per_application"));
            for (String f : List.of("seconds_per_application", "best_seconds_per_application", "sites_per_second", "gflop_per_s", "gb_per_s",
                    "roofline_fraction")) {
                assertPositive(k.getDouble(f));
            }
            assertEquals(k.getDouble("gb_per_s") / triad, k.getDouble("roofline_fraction"), 1e-12 * k.getDouble("roofline_fraction"));
        }
        List<? extends Config> cg = root.getConfigList("cg");
        assertEquals(2, cg.size());
        for (Config c : cg) {
            assertTrue(c.getBoolean("converged") && c.getDouble("residual") <= c.getDouble("tolerance"), c.toString());
            assertTrue(c.getInt("iterations") >= 1 && c.getLong("applications") > c.getInt("iterations"), c.toString());
            for (String f : List.of("seconds", "seconds_per_iteration", "flops", "bytes", "gflop_per_s", "gb_per_s",
                    "roofline_fraction")) {
                assertPositive(c.getDouble(f));
            }
        }
        assertEquals(List.of(4, 2), cg.get(1).getIntList("lattice"));
    }

    private static void assertPositive(double x) {
        assertTrue(Double.isFinite(x) && x > 0, "not finite and positive: " + x);
    }

    @Test
    void badOptionsExitWithStatusTwo() {
        assertBadInput(cli(tinyWith("--threads", "0")), "--threads 0: must be >= 1");
        assertBadInput(cli(tinyWith("--seconds", "0")), "--seconds 0.0: must be finite and > 0");
        assertBadInput(cli(tinyWith("--seconds", "NaN")), "--seconds NaN");
        assertBadInput(cli(tinyWith("--triad-mb", "0")), "--triad-mb 0: must be between 1 and");
        assertBadInput(cli(tinyWith("--group", "SU9")), "--group 'SU9'");
        assertBadInput(cli("bench", "--lattice", "4,4,x"), "--lattice '4,4,x': 'x' is not a whole number");
        assertBadInput(cli("bench", "--lattice", "4,4,4"), "d = 2 or 4");
        assertBadInput(cli("bench", "--lattice", "4,4,4,5"), "even extents");
        assertBadInput(cli("bench", "--lattice", "4,,4,4"), "--lattice '4,,4,4'");
        assertBadInput(cli("bench", "--threads", "many"), "--threads");
        assertBadInput(cli("bench", "--frobnicate"), "--frobnicate");
    }

    /** TINY with one option's value replaced, or the option added. */
    private static String[] tinyWith(String option, String value) {
        for (int i = 0; i < TINY.length; i++) {
            if (TINY[i].equals(option)) {
                String[] all = TINY.clone();
                all[i + 1] = value;
                return all;
            }
        }
        return tiny(option, value);
    }
}
