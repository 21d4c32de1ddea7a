package org.latticespark.spark.analyze.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.latticespark.spark.analyze.AnalyzedObservable;
import org.latticespark.spark.analyze.SummaryRow;
import org.latticespark.spark.config.RunConfig;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The report's content and structure from given results (no Spark, fake plot bytes). */
class CampaignReportTest {
    private static final String WEIRD = "we<ird> & \"x\"|'y' `z`";

    static RunConfig config() {
        return RunConfig.parse("""
                name = campaign
                ensemble-defaults { group = SU3, lattice = [4, 4, 4, 8], beta = 6.0, chains = 2, configurations = 50 }
                ensembles = [
                  { name = hb, algorithm = heatbath, heatbath.overrelaxation = 1, save-every = 2 }
                  { name = hmc, algorithm = hmc, start = hot, hmc { integrator = leapfrog, steps = 8 } }
                  { name = unmeasured, group = U1, lattice = [6, 6, 6, 12] }
                ]
                """, "/some/where/campaign.conf").withOutput("/tmp/secret-output-folder");
    }

    static AnalyzedObservable ok(String ensemble, String observable, double value, double error, boolean plots) {
        SummaryRow r = new SummaryRow(ensemble, observable, value, error, error / 10, 1.7, 0.3, 6, 100, 2, "");
        List<RenderedPlot> p = new ArrayList<>();
        if (plots) {
            for (PlotKind k : PlotKind.values()) {
                String tag = ensemble + "/" + observable + "/" + k;
                p.add(new RenderedPlot(k, ("png " + tag).getBytes(StandardCharsets.UTF_8),
                        ("svg " + tag).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new AnalyzedObservable(r, 2, p, "");
    }

    static AnalyzedObservable failed(String ensemble, String observable, String note) {
        SummaryRow r = new SummaryRow(ensemble, observable, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                -1, 1, 1, note);
        return new AnalyzedObservable(r, 0, List.of(), "");
    }

    static List<AnalyzedObservable> results() {
        return List.of(
                ok("hb", "plaquette", 0.596443, 0.000327, true),
                ok("hb", "a b", 1.5, 0.25, true),
                ok("hb", "a_b", 2.5, 0.25, true),
                ok("hb", WEIRD, -3.0, 0.5, true),
                ok("hmc", "plaquette", 0.5961, 0.0004, true),
                failed("hmc", "delta_h", "not analysed: replica 0 has 1 sample, needs <2>"),
                new AnalyzedObservable(new SummaryRow("hmc", "accepted", 0.9, 0.01, 0.001, 0.5, 0.0, 1, 100, 2, ""),
                        1, List.of(), "plots not drawn: something odd"),
                ok("ghost", "plaquette", 0.5, 0.1, false));
    }

    static Document parse(byte[] html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html));
    }

    static List<Element> elements(Element root, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList l = root.getElementsByTagName(tag);
        for (int i = 0; i < l.getLength(); i++) out.add((Element) l.item(i));
        return out;
    }

    static Element byId(Document d, String id) {
        for (Element e : elements(d.getDocumentElement(), "*")) if (id.equals(e.getAttribute("id"))) return e;
        return null;
    }

    @Test
    void htmlIsWellFormedAndEveryRowAndLinkIsThere() throws Exception {
        Map<String, byte[]> files = CampaignReport.files(config(), results());
        Document d = parse(files.get("report.html"));
        Element root = d.getDocumentElement();
        assertEquals("html", root.getTagName());
        assertTrue(elements(root, "script").isEmpty());

        List<String> sections = new ArrayList<>();
        for (Element s : elements(root, "section")) sections.add(s.getAttribute("id"));
        assertEquals(List.of("ensemble-hb", "ensemble-hmc", "ensemble-unmeasured", "ensemble-ghost"), sections);

        for (String ensemble : List.of("hb", "hmc", "ghost")) {
            Element section = byId(d, "ensemble-" + ensemble);
            Element table = elements(section, "table").stream().filter(t -> t.getAttribute("class").equals("results"))
                    .findFirst().orElseThrow();
            List<Element> rows = elements((Element) table.getElementsByTagName("tbody").item(0), "tr");
            List<AnalyzedObservable> expected = results().stream().filter(r -> r.row().ensemble().equals(ensemble)).toList();
            assertEquals(expected.size(), rows.size(), ensemble);
            for (int i = 0; i < rows.size(); i++) {
                SummaryRow r = expected.get(i).row();
                List<Element> cells = elements(rows.get(i), "td");
                assertEquals(8, cells.size());
                assertEquals(r.observable(), cells.get(0).getTextContent());
                if (r.ok()) {
                    assertEquals(ValueError.format(r.value(), r.error()), cells.get(1).getTextContent());
                    assertEquals(ValueError.format(r.tauInt(), r.tauIntError()), cells.get(2).getTextContent());
                    assertEquals(Integer.toString(r.window()), cells.get(3).getTextContent());
                } else {
                    assertEquals("failed", rows.get(i).getAttribute("class"));
                    assertEquals(r.note(), cells.get(7).getTextContent());
                }
                assertEquals(Long.toString(r.samples()), cells.get(4).getTextContent());
                assertEquals(Integer.toString(r.chains()), cells.get(5).getTextContent());
            }
        }
        assertTrue(byId(d, "ensemble-hmc").getTextContent().contains("plots not drawn: something odd"));
        assertTrue(byId(d, "ensemble-ghost").getTextContent().contains("no ensemble of this name"));
        assertTrue(byId(d, "ensemble-unmeasured").getTextContent().contains("No measurements"));
        assertTrue(byId(d, "ensemble-unmeasured").getTextContent().contains("U(1)"));

        int images = 0;
        for (Element img : elements(root, "img")) {
            assertTrue(files.containsKey(img.getAttribute("src")), img.getAttribute("src"));
            assertFalse(img.getAttribute("alt").isEmpty());
            Element link = (Element) img.getParentNode();
            assertEquals("a", link.getTagName());
            assertTrue(files.containsKey(link.getAttribute("href")), link.getAttribute("href"));
            assertTrue(link.getAttribute("href").endsWith(".svg"));
            images++;
        }
        assertEquals(5 * PlotKind.values().length, images);
        for (Element a : elements(root, "a")) {
            String href = a.getAttribute("href");
            if (href.startsWith("#")) {
                assertTrue(byId(d, href.substring(1)) != null, "dangling anchor " + href);
            } else {
                assertTrue(files.containsKey(href), href);
            }
        }
        assertEquals(2 + 2 * images, files.size(), "report.html, report.md and two files per plot");
    }

    @Test
    void plotFilesHaveSafeUniqueNamesAndTheirBytes() {
        Map<String, byte[]> files = CampaignReport.files(config(), results());
        List<String> names = new ArrayList<>(files.keySet());
        assertEquals(List.of("report.html", "report.md"), names.subList(0, 2));
        assertTrue(names.contains("plots/hb/plaquette-history.png"));
        assertTrue(names.contains("plots/hb/plaquette-tauint.svg"));
        assertTrue(names.contains("plots/hb/a_b-rho.png"), names.toString());
        assertTrue(names.contains("plots/hb/a_b-2-rho.png"), "a clash gets a suffix: " + names);
        for (String n : names.subList(2, names.size())) {
            assertTrue(n.matches("plots/[A-Za-z0-9_-][A-Za-z0-9_.-]*/[A-Za-z0-9_-][A-Za-z0-9_.-]*-(history|rho|tauint|hist)\\.(png|svg)"), n);
        }
        assertArrayEquals("png hmc/plaquette/HISTOGRAM".getBytes(StandardCharsets.UTF_8),
                files.get("plots/hmc/plaquette-hist.png"));
    }

    @Test
    void headerAndParametersWithoutTimesOrPaths() throws Exception {
        Map<String, byte[]> files = CampaignReport.files(config(), results());
        String html = new String(files.get("report.html"), StandardCharsets.UTF_8);
        String md = new String(files.get("report.md"), StandardCharsets.UTF_8);
        for (String text : List.of(html, md)) {
            assertFalse(text.contains("secret-output-folder"), "absolute output path in the report");
            assertFalse(text.contains("/some/where"), "configuration folder in the report");
            assertTrue(text.contains("campaign.conf"));
            assertTrue(text.contains("S = 2.0"));
            assertTrue(text.contains("SU(3)") && text.contains("4³ × 8 (time last; 512 sites)"), text);
            assertTrue(text.contains("1 heatbath sweep + 1 overrelaxation sweep"));
            assertTrue(text.contains("leapfrog integrator, τ = 1.0, 8 steps (ε = 0.125)"));
            assertTrue(text.contains("8 (1 not analysed)"));
        }
        Document d = parse(files.get("report.html"));
        Element params = elements(byId(d, "ensemble-hb"), "table").get(0);
        assertEquals("params", params.getAttribute("class"));
        assertTrue(params.getTextContent().contains("50 per chain, every 2 updates (100 in all)"), params.getTextContent());
    }

    @Test
    void markdownHasTheSameRowsAndImageLinks() {
        Map<String, byte[]> files = CampaignReport.files(config(), results());
        String md = new String(files.get("report.md"), StandardCharsets.UTF_8);
        List<String> rows = md.lines().filter(l -> l.startsWith("| `")).toList();
        assertEquals(results().size(), rows.size(), md);
        assertTrue(rows.get(0).startsWith("| `plaquette` | 0.59644(33) | 1.70(30) | 6 | 100 | 2 | 2 |"), rows.get(0));
        String weird = rows.stream().filter(r -> r.contains("ird")).findFirst().orElseThrow();
        // a '|' inside a cell would split it: 8 columns means 9 unescaped bars
        assertEquals(9, weird.replace("\\|", "").chars().filter(c -> c == '|').count(), weird);
        String failed = rows.stream().filter(r -> r.contains("delta")).findFirst().orElseThrow();
        assertTrue(failed.contains("not analysed: replica 0 has 1 sample, needs &lt;2>"), failed);

        Matcher m = Pattern.compile("\\]\\((plots/[^)]+)\\)").matcher(md);
        int links = 0;
        while (m.find()) {
            assertTrue(files.containsKey(m.group(1)), m.group(1));
            links++;
        }
        assertEquals(2 * 5 * PlotKind.values().length, links);
    }

    @Test
    void sameInputSameBytes() {
        Map<String, byte[]> a = CampaignReport.files(config(), results());
        Map<String, byte[]> b = CampaignReport.files(config(), results());
        assertEquals(new ArrayList<>(a.keySet()), new ArrayList<>(b.keySet()));
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
    }

    @Test
    void withoutPlotsThereAreNoImages() throws Exception {
        RunConfig off = RunConfig.parse("""
                analyze.plots = false
                ensembles = [ { name = hb } ]
                """, "off.conf");
        assertFalse(off.analyzePlots());
        Map<String, byte[]> files = CampaignReport.files(off, List.of(ok("hb", "plaquette", 0.5, 0.01, false)));
        assertEquals(List.of("report.html", "report.md"), new ArrayList<>(files.keySet()));
        Document d = parse(files.get("report.html"));
        assertTrue(elements(d.getDocumentElement(), "img").isEmpty());
        assertTrue(d.getDocumentElement().getTextContent().contains("off (analyze.plots = false)"));
    }
}
