package org.latticespark.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.latticespark.spark.Main;

/** Runs the command line in-process, and writes measurement files for it. */
final class CliRun {
    private CliRun() {}

    record Outcome(int status, String out, String err) {}

    static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    static Outcome ok(String... args) {
        Outcome o = cli(args);
        assertEquals(Main.OK, o.status(), o.err());
        return o;
    }

    static void assertBadInput(Outcome o, String... fragments) {
        assertEquals(Main.BAD_INPUT, o.status(), "stdout: " + o.out() + "\nstderr: " + o.err());
        for (String f : fragments) assertTrue(o.err().contains(f), "'" + f + "' not in: " + o.err());
        assertFalse(o.err().contains("\tat "), "stack trace printed: " + o.err());
    }

    /** AR(1) series x(i+1) = phi x(i) + sqrt(1 - phi^2) eps, unit variance, shifted by {@code mean}. */
    static double[] ar1(double phi, double mean, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double noise = Math.sqrt(1 - phi * phi);
        double[] x = new double[n];
        double y = random.nextGaussian();
        for (int i = 0; i < n; i++) {
            x[i] = mean + y;
            y = phi * y + noise * random.nextGaussian();
        }
        return x;
    }

    /** Columns side by side, separated by {@code separator}, in Java's shortest round-trip form. */
    static Path write(Path file, String header, String separator, double[]... columns) throws IOException {
        StringBuilder sb = new StringBuilder("# written by CliRun\n");
        if (header != null) sb.append(header).append('\n');
        for (int i = 0; i < columns[0].length; i++) {
            for (int c = 0; c < columns.length; c++) {
                if (c > 0) sb.append(separator);
                sb.append(columns[c][i]);
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString());
        return file;
    }
}
