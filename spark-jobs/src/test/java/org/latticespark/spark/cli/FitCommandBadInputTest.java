package org.latticespark.spark.cli;

import static org.latticespark.spark.cli.CliRun.assertBadInput;
import static org.latticespark.spark.cli.CliRun.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code latticespark fit}: exit status 2, one message naming the option, file or column. */
class FitCommandBadInputTest {
    private static final FitCommandData.Correlator CORRELATOR =
            new FitCommandData.Correlator(1.0, 0.5, 16, 0.05, 0.5, 0.3);

    @TempDir
    Path dir;

    private String good;

    @BeforeEach
    void writeGoodFile() throws Exception {
        good = FitCommandData.write(dir.resolve("good.dat"), FitCommandData.columns(CORRELATOR, 300, 1)).toString();
    }

    /** fit FILE --columns 4-9 --model cosh:16 with {@code options}, which may give another --columns or --model. */
    private CliRun.Outcome fit(String... options) {
        List<String> args = new ArrayList<>(List.of("fit", good));
        args.addAll(List.of(options));
        if (!args.contains("--columns")) args.addAll(List.of("--columns", "4-9"));
        if (!args.contains("--model")) args.addAll(List.of("--model", "cosh:16"));
        return cli(args.toArray(new String[0]));
    }

    @Test
    void badModels() {
        assertBadInput(fit("--model", "gauss"), "--model 'gauss': unknown model; use const, poly:D");
        assertBadInput(fit("--model", "cosh"), "--model 'cosh': give the time extent T of the lattice, e.g. cosh:48");
        assertBadInput(fit("--model", "cosh:"), "--model 'cosh:': give the time extent T");
        assertBadInput(fit("--model", "cosh:0"), "--model 'cosh:0': the time extent T of cosh:T must be finite and > 0");
        assertBadInput(fit("--model", "cosh:-16"), "--model 'cosh:-16': the time extent T of cosh:T must be finite and > 0");
        assertBadInput(fit("--model", "cosh:Infinity"), "--model 'cosh:Infinity': the time extent T");
        assertBadInput(fit("--model", "cosh:T"), "--model 'cosh:T': the time extent T of cosh:T must be a number > 0");
        assertBadInput(fit("--model", "poly"), "--model 'poly': give the degree, e.g. poly:2");
        assertBadInput(fit("--model", "poly:-1"), "--model 'poly:-1': the degree D of poly:D must be an integer >= 0");
        assertBadInput(fit("--model", "poly:1.5"), "--model 'poly:1.5': the degree D of poly:D must be an integer >= 0");
        assertBadInput(fit("--model", "exp:3"), "--model 'exp:3': this model takes no ':' argument");
        assertBadInput(cli("fit", good, "--columns", "4-9"), "Missing required option: '--model=MODEL'");
    }

    @Test
    void badColumns() throws Exception {
        assertBadInput(fit("--columns", "9-4"), "--columns '9-4': range 9-4 goes down; write 4-9");
        assertBadInput(fit("--columns", "0-4"), "--columns '0-4': column numbers start at 1");
        assertBadInput(fit("--columns", "4,,5"), "--columns '4,,5': empty entry");
        assertBadInput(fit("--columns", "4-6,5"), "--columns '4-6,5': column 5 is given twice");
        assertBadInput(fit("--columns", "1-100000"), "--columns '1-100000': range 1-100000 has more than 10000 columns");
        assertBadInput(fit("--columns", "C2,C3,C99"), good + ":2: no column named 'C99' in the header");
        assertBadInput(fit("--columns", "4,C2"), good + ": column 4 is selected twice");
        assertBadInput(fit("--columns", "15-30"), good + ":3: column 18: the line has only 17 column(s)");
        assertBadInput(cli("fit", good, "--model", "exp"), "Missing required option: '--columns=SPEC'");
        Path other = dir.resolve("other.dat");
        Files.writeString(other, "cfg a b c d e f g h\n" + "1 2 3 4 5 6 7 8 9\n".repeat(5));
        assertBadInput(cli("fit", good, other.toString(), "--columns", "4-9", "--model", "cosh:16"),
                "column 4 is named 'C2' in " + good + " but 'c' in " + other);
    }

    @Test
    void badXAndGuess() {
        assertBadInput(fit("--x", "0,1,2"), "--x has 3 value(s) but --columns '4-9' selects 6 column(s)");
        assertBadInput(fit("--x", "0,1,2,3,4,five"), "--x '0,1,2,3,4,five': 'five' is not a number");
        assertBadInput(fit("--x", "0,1,2,3,4,NaN"), "--x '0,1,2,3,4,NaN': 'NaN' is not finite");
        assertBadInput(fit("--guess", "1"), "--guess has 1 value(s) but --model cosh:16 has 2 parameters A, E");
        assertBadInput(fit("--guess", "1,e"), "--guess '1,e': 'e' is not a number");
        assertBadInput(fit("--guess", "1,-200"), "--model cosh:16: model 'cosh");
    }

    @Test
    void tooFewPointsForTheModel() {
        assertBadInput(fit("--columns", "4-6", "--model", "exp2"), "--columns '4-6' selects 3 data point(s) but --model "
                + "exp2 has 4 parameters [A0, E0, A1, E1]; a fit needs at least as many points as parameters");
        assertBadInput(fit("--columns", "4-6", "--model", "poly:1", "--x", "1,1,1"),
                "--model poly:1: a polynomial of degree 1 needs at least 2 distinct x values, got 1");
    }

    @Test
    void fitThatFails() {
        assertBadInput(fit("--columns", "4-6", "--model", "poly:1", "--x", "2,2,2", "--guess", "0,0"),
                "--model poly:1: the fit failed: the Hessian of chi2 at the minimum is not positive definite");
    }

    @Test
    void covarianceThatCannotBeInverted() throws Exception {
        Path twins = dir.resolve("twins.dat");
        double[] a = CliRun.ar1(0.3, 1, 200, 7);
        double[] b = CliRun.ar1(0.3, 1, 200, 8);
        CliRun.write(twins, "a b a2", " ", a, b, a);
        assertBadInput(cli("fit", twins.toString(), "--columns", "1-3", "--model", "const", "--correlated"),
                "--model const --correlated: covariance matrix is not positive definite: data point 2 is", 
                "data points are counted from 0 in --columns order");
        Path few = FitCommandData.write(dir.resolve("few.dat"), FitCommandData.columns(CORRELATOR, 8, 2));
        assertBadInput(cli("fit", few.toString(), "--columns", "2-13", "--model", "cosh:16", "--correlated"),
                "--model cosh:16 --correlated: covariance matrix is not positive definite",
                "The covariance of the 12 points is estimated from 8 samples");
    }

    @Test
    void dataWithoutError() throws Exception {
        Path constant = dir.resolve("constant.dat");
        Files.writeString(constant, "x y\n" + "0.5 1\n0.5 2\n0.5 3\n0.5 1\n0.5 5\n0.5 2\n");
        assertBadInput(cli("fit", constant.toString(), "--columns", "1,2", "--model", "const"),
                "x in " + constant + ": the values do not fluctuate (error 0)");
        Path shortFile = dir.resolve("short.dat");
        Files.writeString(shortFile, "x y\n1 2\n2 3\n");
        assertBadInput(cli("fit", shortFile.toString(), "--columns", "1,2", "--model", "const"),
                "x in " + shortFile + ": ");
    }

    @Test
    void badFilesAndOptions() throws Exception {
        Path missing = dir.resolve("missing.dat");
        assertBadInput(cli("fit", good, missing.toString(), "--columns", "4-9", "--model", "cosh:16"),
                missing + ": file not found");
        Path nan = dir.resolve("nan.dat");
        Files.writeString(nan, "1 2\n3 nan\n4 5\n");
        assertBadInput(cli("fit", nan.toString(), "--columns", "1,2", "--model", "const"),
                nan + ":2: column 2: value 'nan' is not finite");
        assertBadInput(cli("fit", good, good, "--columns", "4-9", "--model", "cosh:16"), good + ": given twice");
        assertBadInput(fit("--skip", "-1"), "--skip -1: must be >= 0");
        assertBadInput(fit("--skip", "300"), good + ": 300 data line(s), skipping 300 leaves no values");
        assertBadInput(fit("--s", "0"), "--s 0.0: S must be finite and > 0");
        assertBadInput(fit("--csv", "--json"), "mutually exclusive");
        assertBadInput(cli("fit", "--columns", "1", "--model", "const"), "FILE");
    }
}
