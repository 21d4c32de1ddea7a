package org.latticespark.spark.analyze.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.hmc.Integrator;

/** An ensemble's configuration as a physicist reads it: (name, value) lines in a fixed order. */
final class EnsembleParameters {
    private static final Pattern GROUP = Pattern.compile("(S?U)(\\d+)");
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private EnsembleParameters() {}

    static List<ReportModel.Parameter> of(ChainConfig c) {
        List<ReportModel.Parameter> p = new ArrayList<>();
        if (c.isScalar()) {
            p.add(new ReportModel.Parameter("Theory", "φ⁴, S = Σ_x [Σ_μ (φ(x+μ̂) − φ(x))² + m² φ² + λ φ⁴]"));
            p.add(new ReportModel.Parameter("Lattice", lattice(c.extents)));
            p.add(new ReportModel.Parameter("m², λ", number(c.mSquared) + ", " + number(c.lambda)));
        } else {
            p.add(new ReportModel.Parameter("Gauge group", group(c.group)));
            p.add(new ReportModel.Parameter("Lattice", lattice(c.extents)));
            p.add(new ReportModel.Parameter("β (Wilson action)", number(c.beta)));
        }
        p.add(new ReportModel.Parameter("Update", update(c)));
        if (c.algorithm != ChainConfig.Algorithm.FLOW) {
            p.add(new ReportModel.Parameter("Start", c.isScalar()
                    ? (c.start == ChainConfig.Start.COLD ? "cold (φ = 0)" : "hot (Gaussian φ)")
                    : (c.start == ChainConfig.Start.COLD ? "cold (unit links)" : "hot (Haar-random links)")));
        }
        p.add(new ReportModel.Parameter("Chains", Integer.toString(c.chains)));
        p.add(new ReportModel.Parameter("Thermalization", plural(c.thermalization, "update")));
        p.add(new ReportModel.Parameter("Saved configurations", c.configurations + " per chain, every "
                + plural(c.saveEvery, "update") + " (" + (long) c.configurations * c.chains + " in all)"));
        p.add(new ReportModel.Parameter("Seed", Long.toString(c.seed)));
        p.add(new ReportModel.Parameter("Backend", c.backend + ", " + plural(c.threads, "thread") + " per chain"));
        return p;
    }

    /** "SU3" → "SU(3)"; anything else as it is. */
    static String group(String g) {
        Matcher m = GROUP.matcher(g);
        return m.matches() ? m.group(1) + "(" + m.group(2) + ")" : g;
    }

    /** "4³ × 8 (time last; 512 sites)", or "4 × 6 × 4 × 8 (...)" when the spatial extents differ. */
    static String lattice(int[] extents) {
        int d = extents.length;
        boolean cubic = d >= 3;
        for (int i = 1; i < d - 1; i++) cubic &= extents[i] == extents[0];
        StringBuilder sb = new StringBuilder();
        if (cubic) {
            sb.append(extents[0]).append(superscript(d - 1)).append(" × ").append(extents[d - 1]);
        } else {
            for (int i = 0; i < d; i++) sb.append(i == 0 ? "" : " × ").append(extents[i]);
        }
        long sites = 1;
        for (int e : extents) sites *= e;
        return sb.append(" (time last; ").append(sites).append(" sites)").toString();
    }

    private static String update(ChainConfig c) {
        if (c.algorithm == ChainConfig.Algorithm.FLOW) {
            return "independence Metropolis–Hastings: one update = 1 proposal of a Real NVP flow (" + c.flow + ", "
                    + plural(c.flow.trainingSteps, "training step") + " of batch " + c.flow.batch + ")";
        }
        if (c.algorithm == ChainConfig.Algorithm.HEATBATH) {
            return "heatbath: one update = 1 heatbath sweep + " + plural(c.overrelaxation, "overrelaxation sweep");
        }
        String integrator = c.integrator == Integrator.OMELYAN ? "Omelyan 2MN" : "leapfrog";
        return "HMC: one update = 1 trajectory, " + integrator + " integrator, τ = " + number(c.trajectoryLength)
                + ", " + plural(c.steps, "step") + " (ε = " + number(c.trajectoryLength / c.steps) + ")";
    }

    /** The shortest text that reads back as {@code x} if that is short, else 6 significant digits. */
    static String number(double x) {
        String s = Double.toString(x);
        if (s.length() <= 8 && !s.contains("E")) return s;
        String g = String.format(Locale.ROOT, "%.6g", x);
        if (g.contains("e")) return g;
        return g.contains(".") ? g.replaceAll("0+$", "").replaceAll("\\.$", ".0") : g;
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String superscript(int n) {
        StringBuilder sb = new StringBuilder();
        for (char ch : Integer.toString(n).toCharArray()) sb.append(SUPERSCRIPTS.charAt(ch - '0'));
        return sb.toString();
    }
}
