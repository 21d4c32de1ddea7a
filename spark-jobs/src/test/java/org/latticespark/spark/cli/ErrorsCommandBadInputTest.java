package org.latticespark.spark.cli;

import static org.latticespark.spark.cli.CliRun.ar1;
import static org.latticespark.spark.cli.CliRun.assertBadInput;
import static org.latticespark.spark.cli.CliRun.cli;
import static org.latticespark.spark.cli.CliRun.write;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code latticespark errors}: exit status 2, one message naming the file, line or option. */
class ErrorsCommandBadInputTest {
    @TempDir
    Path dir;

    private String good(String name) throws Exception {
        return write(dir.resolve(name), "t plaq", " ", ar1(0, 0, 100, 1), ar1(0.3, 0.5, 100, 2)).toString();
    }

    @Test
    void badFiles() throws Exception {
        Path nan = dir.resolve("nan.dat");
        Files.writeString(nan, "0.5\n0.6\nNaN\n0.4\n");
        assertBadInput(cli("errors", nan.toString()), nan + ":3: column 1: value 'NaN' is not finite");
        Path missing = dir.resolve("missing.dat");
        assertBadInput(cli("errors", good("a.dat"), missing.toString()), missing + ": file not found");
        Path text = dir.resolve("text.dat");
        Files.writeString(text, "1 2\n3 x\n");
        assertBadInput(cli("errors", text.toString(), "--column", "2"), text + ":2: column 2: 'x' is not a number");
        assertBadInput(cli("errors", text.toString(), "--column", "3"), text + ":1: column 3: the line has only 2 column(s)");
    }

    @Test
    void badColumns() throws Exception {
        String a = good("a.dat");
        assertBadInput(cli("errors", a, "--column", "plq"), a + ":2: no column named 'plq' in the header; it has 't', 'plaq'");
        assertBadInput(cli("errors", a, "--column", "0"), "--column '0': column numbers start at 1");
        assertBadInput(cli("errors", a, "--column", "plaq", "--column", "plaq"), "--column 'plaq' is given twice");
        assertBadInput(cli("errors", a, "--column", "2", "--column", "plaq"), "column 2 is selected twice");
        String other = write(dir.resolve("other.dat"), "t energy", " ", ar1(0, 0, 100, 3), ar1(0, 0, 100, 4)).toString();
        assertBadInput(cli("errors", a, other, "--column", "2"),
                "column 2 is named 'plaq' in " + a + " but 'energy' in " + other);
    }

    @Test
    void badOptions() throws Exception {
        String a = good("a.dat");
        assertBadInput(cli("errors", a, "--skip", "-1"), "--skip -1: must be >= 0");
        assertBadInput(cli("errors", a, "--skip", "100"), a + ": 100 data line(s), skipping 100 leaves no values");
        assertBadInput(cli("errors", a, "--s", "0"), "--s 0.0: S must be finite and > 0");
        assertBadInput(cli("errors", a, "--s", "NaN"), "--s NaN");
        assertBadInput(cli("errors", a, "--csv", "--json"), "mutually exclusive");
        assertBadInput(cli("errors"), "FILE");
        assertBadInput(cli("errors", a, a), a + ": given twice");
        Path plotsIsAFile = dir.resolve("plots");
        Files.writeString(plotsIsAFile, "");
        assertBadInput(cli("errors", a, "--plots", plotsIsAFile.toString()), "--plots " + plotsIsAFile);
    }

    @Test
    void analysisProblemsNameTheObservableAndTheFiles() throws Exception {
        Path shortFile = dir.resolve("short.dat");
        Files.writeString(shortFile, "x\n1\n2\n3\n");
        assertBadInput(cli("errors", shortFile.toString()), "x in " + shortFile + ": too few samples");
        String a = good("a.dat");
        Path one = dir.resolve("one.dat");
        Files.writeString(one, "t plaq\n1 0.5\n");
        assertBadInput(cli("errors", a, one.toString(), "--column", "plaq"),
                "plaq (replica r is the r-th FILE, from 0: " + a + ", " + one + "): replica 1 has 1 sample(s)");
    }
}
