package org.latticespark.analysis.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesReaderFormatTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = Files.createTempFile(dir, "series", ".dat");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private double[] column(String text, String column) throws IOException {
        return SeriesReader.read(file(text), Column.parse(column), 0).values();
    }

    @Test
    void oneValuePerLine() throws IOException {
        assertArrayEquals(new double[] {1.5e-3, -0.2, 12, 0.5, 3, -1e10}, column("1.5e-3\n-0.2\n12\n.5\n3.\n-1E+10\n", "1"));
    }

    @Test
    void everySeparatorGivesTheSameColumns() throws IOException {
        double[] expected = {0.25, -1.5, 3e-7};
        for (String text : List.of(
                "1 0.25 9\n2 -1.5 9\n3 3e-7 9\n",
                "  1   0.25   9  \n2\t-1.5\t9\n3 \t 3e-7\t\t9\n",
                "1,0.25,9\n2, -1.5 ,9\n3,3e-7,9\n",
                "1;0.25;9\n2 ; -1.5;9\n3;3e-7;9\n",
                "1,0.25,9\r\n2,-1.5,9\r\n3,3e-7,9")) {
            assertArrayEquals(expected, column(text, "2"), text);
        }
    }

    @Test
    void commentsAndBlankLinesAreSkipped() throws IOException {
        String text = "# produced by some code\n% matlab style\n// c style\n\n   # indented\n1\n\n2\n  \n# end\n3\n";
        assertArrayEquals(new double[] {1, 2, 3}, column(text, "1"));
    }

    @Test
    void headerGivesNamesAndIsNotData() throws IOException {
        Path f = file("# comment first\ntraj plaq \"E density\"\n1 0.5 7\n2 0.6 8\n");
        Series plaq = SeriesReader.read(f, Column.named("plaq"), 0);
        assertEquals(2, plaq.column());
        assertEquals("plaq", plaq.name());
        assertArrayEquals(new double[] {0.5, 0.6}, plaq.values());
        Series byNumber = SeriesReader.read(f, Column.number(2), 0);
        assertEquals("plaq", byNumber.label());
        assertArrayEquals(plaq.values(), byNumber.values());

        Path csv = file("\uFEFFtraj,\"E density\"\n1,7\n2,8\n");
        assertArrayEquals(new double[] {7, 8}, SeriesReader.read(csv, Column.named("E density"), 0).values());
    }

    @Test
    void withoutHeaderTheLabelIsTheColumnNumber() throws IOException {
        Series s = SeriesReader.read(file("1 2\n3 4\n"), Column.number(2), 0);
        assertNull(s.name());
        assertEquals("column 2", s.label());
        assertArrayEquals(new double[] {2, 4}, s.values());
    }

    @Test
    void aLineWithANumberIsDataNotHeader() {
        // "1 2 abc" must not be swallowed as a header: column 3 of it is reported instead.
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> column("1 2 abc\n1 2 3\n", "3"));
        assertEquals(true, e.getMessage().contains(":1: column 3: 'abc' is not a number"), e.getMessage());
    }

    @Test
    void fortranAndSpecialSpellings() throws IOException {
        assertArrayEquals(new double[] {1.5e-3, -2.5e2, 0.001, 7},
                column("0.15D-02\n-2.5d+2\n+1e-3\n7\n", "1"));
    }

    @Test
    void skipDropsLeadingDataLinesAfterHeaderAndComments() throws IOException {
        Path f = file("# c\nx\n1\n# mid\n2\n3\n4\n");
        assertArrayEquals(new double[] {3, 4}, SeriesReader.read(f, Column.number(1), 2).values());
        assertArrayEquals(new double[] {4}, SeriesReader.read(f, Column.number(1), 3).values());
    }

    @Test
    void nonFiniteValuesInSkippedLinesAreAllowed() throws IOException {
        Path f = file("nan\ninf\n-Infinity\n1\n2\n");
        assertArrayEquals(new double[] {1, 2}, SeriesReader.read(f, Column.number(1), 3).values());
    }

    @Test
    void severalColumnsAtOnceInTheOrderAsked() throws IOException {
        Path f = file("t a b c\n0 1 2 3\n1 4 5 6\n2 7 8 9\n");
        List<Series> s = SeriesReader.read(f, List.of(Column.named("c"), Column.number(2), Column.parse("b")), 1);
        assertEquals(3, s.size());
        assertEquals(List.of("c", "a", "b"), s.stream().map(Series::label).toList());
        assertEquals(List.of(4, 2, 3), s.stream().map(Series::column).toList());
        assertArrayEquals(new double[] {6, 9}, s.get(0).values());
        assertArrayEquals(new double[] {4, 7}, s.get(1).values());
        assertArrayEquals(new double[] {5, 8}, s.get(2).values());
    }

    @Test
    void unselectedFieldsAreNotRead() throws IOException {
        assertArrayEquals(new double[] {1, 2}, column("1 n/a\n2 ,,\n", "1"));
        assertArrayEquals(new double[] {1, 2}, column("1,,x\n2,,y\n", "1"));
    }

    /** Shortest round-trip and %.17g output read back bit for bit, over a long file (buffer boundaries). */
    @Test
    void valuesRoundTripExactly() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        int n = 20_000;
        double[] x = new double[n];
        double[] y = new double[n];
        StringBuilder sb = new StringBuilder("x y\n");
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian() * Math.scalb(1.0, random.nextInt(-300, 300));
            y[i] = random.nextDouble() - 0.5;
            sb.append(x[i]).append(' ').append(String.format(Locale.ROOT, "%.17e", y[i])).append('\n');
        }
        List<Series> s = SeriesReader.read(file(sb.toString()), List.of(Column.named("x"), Column.named("y")), 0);
        assertArrayEquals(x, s.get(0).values());
        assertArrayEquals(y, s.get(1).values());
    }

    @Test
    void columnParsing() {
        assertEquals(Column.number(3), Column.parse(" 3 "));
        assertEquals(Column.number(3), Column.parse("+3"));
        assertEquals(Column.named("plaq"), Column.parse("plaq"));
        assertEquals(Column.named("3a"), Column.parse("3a"));
        assertEquals("column 3", Column.number(3).toString());
        assertEquals("column 'plaq'", Column.named("plaq").toString());
    }
}
