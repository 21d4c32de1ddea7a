package org.latticespark.spark.analyze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.spark.SparkSessions;
import org.latticespark.spark.analyze.report.ValueError;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.table.Tables;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The analyze job's campaign report on a synthetic measurement table: files, links, rows, failed
 * observables, bit-for-bit reproducibility, and {@code analyze.plots = false}.
 */
class AnalyzeReportTest {
    private static final String RUN = """
            name = report
            ensemble-defaults { group = SU2, lattice = [4, 4, 4, 8], beta = 2.3, chains = 2, save-every = 2 }
            ensembles = [
              { name = hb, algorithm = heatbath }
              { name = hmc, algorithm = hmc }
              { name = unmeasured }
            ]
            """;
    /** More than Plots.HISTORY_ENVELOPE_ABOVE per chain: the history is drawn as an envelope. */
    private static final int LONG = 5000;

    private static SparkSession spark;

    @TempDir
    static Path dir;

    private static RunConfig withPlots;
    private static RunConfig withoutPlots;
    private static AnalyzeJob.Result result;

    @BeforeAll
    static void setUp() throws IOException {
        spark = SparkSessions.local("local[2]", "latticespark-report-test");
        withPlots = RunConfig.parse(RUN, "report.conf").withOutput(dir.resolve("on").toString());
        withoutPlots = RunConfig.parse(RUN + "analyze.plots = false\n", "report.conf")
                .withOutput(dir.resolve("off").toString());
        Tables.write(spark.createDataFrame(measurements(), Tables.MEASUREMENT_SCHEMA), withPlots.layout().measurements());
        copy(Path.of(withPlots.layout().measurements()), Path.of(withoutPlots.layout().measurements()));
        result = new AnalyzeJob(spark, withPlots).run(false);
    }

    @AfterAll
    static void tearDown() {
        if (spark != null) spark.stop();
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }

    /** AR(1) series (φ = 0.6) around physical-looking values; one observable with a single sample. */
    private static List<Row> measurements() {
        List<Row> rows = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(424242);
        for (String e : List.of("hb", "hmc")) {
            for (int c = 0; c < 2; c++) {
                ar1(rows, rnd, e, c, "plaquette", 300, 12, 2, 0.60, 0.004);
                ar1(rows, rnd, e, c, "polyakov_abs", 300, 12, 2, 0.05, 0.01);
            }
        }
        for (int c = 0; c < 2; c++) ar1(rows, rnd, "hb", c, "update_plaquette", LONG, 11, 1, 0.60, 0.004);
        rows.add(Tables.measurementRow("hmc", 0, 12, "delta_h", 0, 0.01));
        return rows;
    }

    private static void ar1(List<Row> rows, SplittableRandom rnd, String ensemble, int chain, String observable, int n,
                            long first, long step, double mean, double sigma) {
        double phi = 0.6;
        double x = rnd.nextGaussian();
        for (int i = 0; i < n; i++) {
            rows.add(Tables.measurementRow(ensemble, chain, first + step * i, observable, 0, mean + sigma * x));
            x = phi * x + Math.sqrt(1 - phi * phi) * rnd.nextGaussian();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) Files.copy(p, to.resolve(from.relativize(p).toString()));
        }
    }

    private static Map<String, byte[]> snapshot(Path folder) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static Document parse(Path html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(html.toFile());
    }

    private static List<Element> elements(Element root, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList l = root.getElementsByTagName(tag);
        for (int i = 0; i < l.getLength(); i++) out.add((Element) l.item(i));
        return out;
    }

    @Test
    void reportFilesExistAndEveryLinkPointsToOne() throws Exception {
        Path analysis = Path.of(withPlots.layout().analysis());
        assertEquals(analysis.resolve("report.html").toString(), result.reportHtml());
        for (String f : List.of("summary.csv", "summary.json", "report.html", "report.md")) {
            assertTrue(Files.isRegularFile(analysis.resolve(f)), f);
        }
        Document d = parse(analysis.resolve("report.html"));
        int images = 0;
        for (Element img : elements(d.getDocumentElement(), "img")) {
            Path png = analysis.resolve(img.getAttribute("src"));
            byte[] bytes = Files.readAllBytes(png);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4), png.toString());
            Path svg = analysis.resolve(((Element) img.getParentNode()).getAttribute("href"));
            Document s = parse(svg);
            assertEquals("svg", s.getDocumentElement().getTagName(), svg.toString());
            images++;
        }
        // hb: plaquette, polyakov_abs, update_plaquette; hmc: plaquette, polyakov_abs; 4 plots each
        assertEquals(5 * 4, images);
        for (String kind : List.of("history", "rho", "tauint", "hist")) {
            for (String ext : List.of("png", "svg")) {
                assertTrue(Files.isRegularFile(analysis.resolve("plots/hb/update_plaquette-" + kind + "." + ext)));
            }
        }
        assertFalse(Files.exists(analysis.resolve("plots/hmc/delta_h-history.png")), "plots of a failed analysis");
        try (Stream<Path> s = Files.walk(analysis.resolve("plots"))) {
            assertEquals(2 * images, s.filter(Files::isRegularFile).count(), "files no link points to");
        }
        String md = Files.readString(analysis.resolve("report.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\]\\((plots/[^)]+)\\)").matcher(md);
        int links = 0;
        while (m.find()) {
            assertTrue(Files.isRegularFile(analysis.resolve(m.group(1))), m.group(1));
            links++;
        }
        assertEquals(2 * images, links);
    }

    @Test
    void everySummaryRowIsInTheTableAndTheFailedOneShowsItsNote() throws Exception {
        Document d = parse(Path.of(withPlots.layout().analysis()).resolve("report.html"));
        Map<String, List<Element>> rowsByEnsemble = new TreeMap<>();
        for (Element section : elements(d.getDocumentElement(), "section")) {
            for (Element table : elements(section, "table")) {
                if (table.getAttribute("class").equals("results")) {
                    rowsByEnsemble.put(section.getAttribute("id"),
                            elements((Element) table.getElementsByTagName("tbody").item(0), "tr"));
                }
            }
        }
        List<SummaryRow> summary = result.summary().rows();
        assertEquals(6, summary.size());
        int seen = 0;
        for (SummaryRow r : summary) {
            List<Element> rows = rowsByEnsemble.get("ensemble-" + r.ensemble());
            Element tr = rows.stream()
                    .filter(x -> elements(x, "td").get(0).getTextContent().equals(r.observable()))
                    .findFirst().orElseThrow(() -> new AssertionError("no row for " + r));
            List<Element> td = elements(tr, "td");
            if (r.ok()) {
                assertEquals(ValueError.format(r.value(), r.error()), td.get(1).getTextContent());
                assertEquals(ValueError.format(r.tauInt(), r.tauIntError()), td.get(2).getTextContent());
                assertEquals(r.observable().equals("update_plaquette") ? "1" : "2", td.get(6).getTextContent(),
                        "spacing of " + r.observable());
            } else {
                assertEquals("delta_h", r.observable());
                assertTrue(r.note().startsWith("not analysed"), r.note());
                assertEquals(r.note(), td.get(7).getTextContent());
                assertEquals("failed", tr.getAttribute("class"));
            }
            seen++;
        }
        assertEquals(summary.size(), rowsByEnsemble.values().stream().mapToInt(List::size).sum());
        assertEquals(6, seen);
        String md = Files.readString(Path.of(withPlots.layout().analysis()).resolve("report.md"));
        assertTrue(md.contains("| `delta_h` | – | – | – | 1 | 1 | – | not analysed"), md);
        assertTrue(md.contains("No measurements of this ensemble."), "the unmeasured ensemble has a section");
    }

    @Test
    void summaryFilesDoNotDependOnThePlots() throws Exception {
        new AnalyzeJob(spark, withoutPlots).run(false);
        Path on = Path.of(withPlots.layout().analysis());
        Path off = Path.of(withoutPlots.layout().analysis());
        for (String f : List.of("summary.csv", "summary.json")) {
            assertArrayEquals(Files.readAllBytes(on.resolve(f)), Files.readAllBytes(off.resolve(f)), f);
        }
        List<SummaryRow> plain = new ArrayList<>(AnalyzeJob.analyze(
                Tables.readMeasurementTable(spark, withPlots.layout().measurements()), withPlots.analyzeS()));
        plain.sort(AnalyzeJob.order(withPlots));
        assertEquals(new Summary(withPlots.analyzeS(), plain).csv(), Files.readString(on.resolve("summary.csv")));

        assertFalse(Files.exists(off.resolve("plots")), "plots written although analyze.plots = false");
        Document d = parse(off.resolve("report.html"));
        assertTrue(elements(d.getDocumentElement(), "img").isEmpty());
        assertFalse(Files.readString(off.resolve("report.md")).contains("!["));
        assertEquals(6, elements(d.getDocumentElement(), "tbody").stream()
                .filter(b -> ((Element) b.getParentNode()).getAttribute("class").equals("results"))
                .mapToInt(b -> elements(b, "tr").size()).sum());
    }

    @Test
    void theSameInputGivesTheSameBytes() throws Exception {
        Path analysis = Path.of(withPlots.layout().analysis());
        Map<String, byte[]> before = snapshot(analysis);
        new AnalyzeJob(spark, withPlots).run(true);
        Map<String, byte[]> after = snapshot(analysis);
        assertEquals(before.keySet(), after.keySet());
        for (String f : before.keySet()) assertArrayEquals(before.get(f), after.get(f), f + " differs");
        String html = new String(before.get("report.html"), StandardCharsets.UTF_8);
        assertFalse(html.contains(dir.toString()), "the report names the output folder");
    }
}
