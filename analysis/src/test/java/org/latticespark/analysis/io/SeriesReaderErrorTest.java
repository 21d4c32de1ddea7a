package org.latticespark.analysis.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every problem is an IllegalArgumentException naming the file, and the line when one is at fault. */
class SeriesReaderErrorTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static void assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
        }
    }

    private static Executable read(Path f, String column) {
        return () -> SeriesReader.read(f, Column.parse(column), 0);
    }

    @Test
    void headerWithNumericNamesIsRefusedNotReadAsData() throws IOException {
        Path f = file("corr.dat", "# correlator\nconf 0 1 2\n10 0.9 0.5 0.3\n20 0.8 0.4 0.2\n");
        assertRejected(read(f, "2"), f + ":2: the first line mixes names and numbers (column 1 is 'conf'",
                "comment it out with #");
        Path corrupt = file("corrupt.dat", "1 x7 3\n2 0.5 4\n");
        assertRejected(read(corrupt, "1"), corrupt + ":1: the first line mixes names and numbers (column 2 is 'x7'");
    }

    @Test
    void aNameColumnOnEveryLineIsFine() throws IOException {
        Path f = file("labels.dat", "cfg_10 0.5\ncfg_20 0.25\ncfg_30 0.125\n");
        double[] v = SeriesReader.read(f, Column.parse("2"), 0).values();
        assertTrue(v.length == 3 && v[0] == 0.5 && v[2] == 0.125);
    }

    @Test
    void nonFiniteValueNamesFileLineAndColumn() throws IOException {
        Path f = file("nan.dat", "# header comment\n1 0.5\n2 NaN\n");
        assertRejected(read(f, "2"), f + ":3: column 2: value 'NaN' is not finite");
        Path g = file("inf.csv", "t,plaq\n1,0.5\n2,0.25\n3,-inf\n");
        assertRejected(read(g, "plaq"), g + ":4: column 2 ('plaq'): value '-inf' is not finite");
        Path h = file("overflow.dat", "1\n1e400\n");
        assertRejected(read(h, "1"), h + ":2: column 1: value '1e400' is not finite (Infinity)");
    }

    @Test
    void nonNumericAndEmptyFields() throws IOException {
        Path f = file("text.dat", "1 0.5\n2 0.6x\n");
        assertRejected(read(f, "2"), f + ":2: column 2: '0.6x' is not a number");
        Path g = file("empty.csv", "1,0.5\n2,\n");
        assertRejected(read(g, "2"), g + ":2: column 2: empty field, expected a number");
        Path h = file("java.dat", "1\n0x1p3\n");
        assertRejected(read(h, "1"), h + ":2: column 1: '0x1p3' is not a number");
        Path decimalComma = file("comma.csv", "1;0,5\n");
        assertRejected(read(decimalComma, "2"), decimalComma + ":1: column 2: '0,5' is not a number");
    }

    @Test
    void tooFewColumns() throws IOException {
        Path f = file("short.dat", "1 2 3\n4 5 6\n\n7 8\n");
        assertRejected(read(f, "3"), f + ":4: column 3: the line has only 2 column(s)");
        assertRejected(read(f, "9"), f + ":1: column 9: the line has only 3 column(s)");
    }

    @Test
    void columnNames() throws IOException {
        Path f = file("named.dat", "# c\nt plaq E\n1 2 3\n");
        assertRejected(read(f, "plq"), f + ":2: no column named 'plq' in the header; it has 't', 'plaq', 'E'");
        Path noHeader = file("plain.dat", "% c\n1 2\n");
        assertRejected(read(noHeader, "plaq"), noHeader + ":2: column 'plaq' is selected by name, but the file has no header");
        Path twice = file("twice.dat", "a b a\n1 2 3\n");
        assertRejected(read(twice, "a"), twice + ":1: the header names columns 1 and 3 'a'");
        assertRejected(() -> SeriesReader.read(f, List.of(Column.number(2), Column.named("plaq")), 0),
                f + ": column 2 is selected twice (as column 2 and column 'plaq')");
    }

    @Test
    void fileProblems() throws IOException {
        Path missing = dir.resolve("missing.dat");
        assertRejected(read(missing, "1"), missing + ": file not found");
        assertRejected(read(dir, "1"), dir + ": is a directory");
        Path binary = dir.resolve("binary.dat");
        Files.write(binary, new byte[] {'1', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        assertRejected(read(binary, "1"), binary + ": not UTF-8 text");
    }

    @Test
    void nothingLeft() throws IOException {
        Path empty = file("empty.dat", "# only a comment\n\n");
        assertRejected(read(empty, "1"), empty + ": no data lines");
        Path headerOnly = file("header.dat", "t plaq\n");
        assertRejected(read(headerOnly, "plaq"), headerOnly + ": no data lines after the header");
        Path three = file("three.dat", "1\n2\n3\n");
        assertRejected(() -> SeriesReader.read(three, Column.number(1), 3), three + ": 3 data line(s), skipping 3 leaves no values");
        assertRejected(() -> SeriesReader.read(three, Column.number(1), -1), three + ": skip must be >= 0, got -1");
    }

    @Test
    void badSelectors() throws IOException {
        Path f = file("ok.dat", "1\n");
        assertRejected(() -> Column.parse("0"), "column numbers start at 1, got 0");
        assertRejected(() -> Column.parse("-2"), "column numbers start at 1, got -2");
        assertRejected(() -> Column.parse(" "), "column must be a number (from 1) or a header name");
        assertRejected(() -> Column.parse("99999999999"), "column number 99999999999 is too large");
        assertRejected(() -> SeriesReader.read(f, List.of(), 0), f + ": no columns selected");
    }
}
