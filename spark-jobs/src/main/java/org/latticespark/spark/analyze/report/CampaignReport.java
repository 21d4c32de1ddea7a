package org.latticespark.spark.analyze.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latticespark.generation.ChainConfig;
import org.latticespark.measurement.scalar.Phi4Stage;
import org.latticespark.spark.analyze.AnalyzedObservable;
import org.latticespark.spark.analyze.SummaryRow;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.io.OutputLayout;

/**
 * The campaign report of an analysis: {@code report.html}, {@code report.md} and the plot files
 * {@code plots/<ensemble>/<observable>-<kind>.{png,svg}}, as relative path → bytes. Nothing in it
 * depends on the time or on where the run lives, so the same results give the same bytes.
 *
 * <p>Ensembles appear in configuration order, then any the configuration does not name; observables
 * in the order of {@code results}. Names that are not safe file names are changed ({@link FileNames}).
 */
public final class CampaignReport {
    private CampaignReport() {}

    /** The report's files, in a fixed order: report.html, report.md, then the plots. */
    public static Map<String, byte[]> files(RunConfig config, List<AnalyzedObservable> results) {
        ReportModel model = model(config, results);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(OutputLayout.REPORT_HTML, HtmlReport.render(model).getBytes(StandardCharsets.UTF_8));
        files.put(OutputLayout.REPORT_MD, MarkdownReport.render(model).getBytes(StandardCharsets.UTF_8));
        for (ReportModel.Section s : model.sections()) {
            for (ReportModel.Line l : s.lines()) {
                for (ReportModel.Image i : l.images()) {
                    files.put(i.png(), i.plot().png());
                    files.put(i.svg(), i.plot().svg());
                }
            }
        }
        return files;
    }

    static ReportModel model(RunConfig config, List<AnalyzedObservable> results) {
        List<String> ensembles = new ArrayList<>();
        for (ChainConfig c : config.ensembles()) ensembles.add(c.ensemble);
        for (AnalyzedObservable r : results) {
            if (!ensembles.contains(r.row().ensemble())) ensembles.add(r.row().ensemble());
        }
        FileNames folders = new FileNames();
        List<ReportModel.Section> sections = new ArrayList<>();
        int failed = 0;
        for (String e : ensembles) {
            String folder = folders.unique(e);
            FileNames files = new FileNames();
            List<ReportModel.Line> lines = new ArrayList<>();
            for (AnalyzedObservable r : results) {
                if (!r.row().ensemble().equals(e)) continue;
                if (!r.row().ok()) failed++;
                lines.add(line(r, folder, files.unique(r.row().observable())));
            }
            ChainConfig c = config.ensemble(e).orElse(null);
            String remark = c == null ? "The configuration has no ensemble of this name; its parameters are unknown."
                    : lines.isEmpty() ? "No measurements of this ensemble." : "";
            sections.add(new ReportModel.Section(e, "ensemble-" + folder,
                    c == null ? List.of() : EnsembleParameters.of(c), remark, lines));
        }
        String file = config.source() == null ? "" : fileName(config.source());
        return new ReportModel(config.name(), file, EnsembleParameters.number(config.analyzeS()),
                stages(config), config.analyzePlots(), results.size(), failed,
                SamplerComparison.rows(config, results), sections);
    }

    /** The stages that ran: those of measure.stages on gauge ensembles, phi4 on φ⁴ ones. */
    private static List<String> stages(RunConfig config) {
        List<String> stages = new ArrayList<>();
        if (config.ensembles().stream().anyMatch(c -> !c.isScalar())) stages.addAll(config.measureStages());
        if (config.ensembles().stream().anyMatch(ChainConfig::isScalar)) stages.add(Phi4Stage.NAME);
        return stages;
    }

    private static ReportModel.Line line(AnalyzedObservable a, String folder, String file) {
        SummaryRow r = a.row();
        List<ReportModel.Image> images = new ArrayList<>();
        for (RenderedPlot p : a.plots()) {
            String base = OutputLayout.PLOTS + "/" + folder + "/" + file + "-" + p.kind().suffix();
            images.add(new ReportModel.Image(p.kind(), base + ".png", base + ".svg", p));
        }
        String note = r.note().isEmpty() ? join(ResultWarnings.warning(r), a.plotNote()) : r.note();
        String anchor = folder + "/" + file;
        String spacing = a.spacing() > 0 ? Long.toString(a.spacing()) : a.spacing() < 0 ? "irregular" : "–";
        if (!r.ok()) {
            return new ReportModel.Line(r.observable(), anchor, "–", "–", "–", Long.toString(r.samples()),
                    Integer.toString(r.chains()), spacing, note, true, images);
        }
        return new ReportModel.Line(r.observable(), anchor, ValueError.format(r.value(), r.error()),
                ValueError.format(r.tauInt(), r.tauIntError()), Integer.toString(r.window()),
                Long.toString(r.samples()), Integer.toString(r.chains()), spacing, note, false, images);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /** The last part of a path or URI. */
    private static String fileName(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return slash >= 0 ? source.substring(slash + 1) : source;
    }
}
