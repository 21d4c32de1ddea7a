package org.latticespark.spark.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latticespark.lattice.bench.BenchReport;
import org.latticespark.lattice.bench.BenchSettings;
import org.latticespark.lattice.bench.CgBenchmark;
import org.latticespark.lattice.bench.CgResult;
import org.latticespark.lattice.bench.DslashBenchmark;
import org.latticespark.lattice.bench.KernelResult;
import org.latticespark.lattice.bench.TriadResult;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.spark.InvalidInputException;
import org.latticespark.spark.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code latticespark bench [--lattice L]... [--group G] [--threads N] [--seconds S] [--triad-mb M] [--seed K] [--json]}:
 * {@link DslashBenchmark} from the command line, a table (or JSON) of Dirac-operator throughput next to the
 * measured triad bandwidth. A plain command: no Spark session.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Dslash throughput (staggered D, D_eo; Wilson H, H_eo) and CG throughput (staggered "
                + "m^2 - D_eo D_oe) against a STREAM-like triad (no Spark).",
                "GFLOP/s use the standard flop counts (SU(3), d = 4: staggered 570, Wilson 1320 per site); GB/s the "
                        + "standard bytes per site in double without cache reuse, 16*(2d*(N^2 + S*N) + S*N) with "
                        + "S = 1 (staggered) or 4 (Wilson, d = 4; 2 in d = 2): 1584 and 2880 for SU(3) in d = 4. "
                        + "roofline = that GB/s / triad GB/s. Triad: a[i] = b[i] + s*c[i], best of "
                        + BenchSettings.DEFAULT_TRIAD_REPETITIONS + ", 24 bytes per element (write-allocate not "
                        + "counted). Rates use the mean time per application after a warm-up; 'best ms' is the shortest single one."})
final class BenchCommand implements Callable<Integer> {
    static final int MAX_TRIAD_MB = (int) ((Integer.MAX_VALUE - 8L) * Double.BYTES / (1024 * 1024));

    @Spec
    CommandSpec spec;

    @Option(names = "--lattice", paramLabel = "L", description = "Lattice extents, comma-separated, d = 2 or 4, all "
            + "even (e.g. 8,8,8,8); repeat for several. Default: 8,8,8,8 and 16,16,16,16.")
    List<String> lattices;

    @Option(names = "--group", paramLabel = "G", defaultValue = "SU3",
            description = "Gauge group: U1, SU2, SU3, SU4..SU8. Default: ${DEFAULT-VALUE}.")
    String group;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for triad and kernels. Default: the "
            + "available processors.")
    Integer threads;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "" + BenchSettings.DEFAULT_SECONDS,
            description = "Measuring time per kernel and lattice, after S/2 of warm-up. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--triad-mb", paramLabel = "M", defaultValue = "64",
            description = "MiB per triad array (three arrays). Default: ${DEFAULT-VALUE}.")
    int triadMb;

    @Option(names = "--seed", paramLabel = "K", defaultValue = "" + BenchSettings.DEFAULT_SEED,
            description = "Seed of the hot gauge fields and input vectors. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print JSON instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        BenchReport report = DslashBenchmark.run(settings());
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(report) : text(report));
        out.flush();
        return 0;
    }

    BenchSettings settings() {
        if (threads != null && threads < 1) throw new InvalidInputException("--threads " + threads + ": must be >= 1");
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new InvalidInputException("--seconds " + seconds + ": must be finite and > 0");
        }
        if (triadMb < 1 || triadMb > MAX_TRIAD_MB) {
            throw new InvalidInputException("--triad-mb " + triadMb + ": must be between 1 and " + MAX_TRIAD_MB);
        }
        GaugeGroup g;
        try {
            g = GaugeGroup.of(group);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--group '" + group + "': " + e.getMessage(), e);
        }
        List<Lattice> list = new ArrayList<>();
        if (lattices == null || lattices.isEmpty()) {
            list.addAll(BenchSettings.defaults().lattices());
        } else {
            for (String l : lattices) list.add(lattice(l));
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        try {
            return new BenchSettings(list, g, n, seconds, seconds / 2, triadMb * (1024 * 1024 / Double.BYTES),
                    BenchSettings.DEFAULT_TRIAD_REPETITIONS, seed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    private static Lattice lattice(String spec) {
        String[] items = spec.split(",", -1);
        int[] extents = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            try {
                extents[i] = Integer.parseInt(items[i].strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--lattice '" + spec + "': '" + items[i] + "' is not a whole number", e);
            }
        }
        try {
            return new Lattice(extents);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--lattice '" + spec + "': " + e.getMessage(), e);
        }
    }

    static String text(BenchReport r) {
        TriadResult t = r.triad();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "machine: %d cores, %d threads, %s%n", r.cores(), r.threads(), r.jvm()));
        sb.append(String.format(Locale.ROOT, "triad: %.2f GB/s (a = b + s*c, 3 x %.0f MiB, best of %d, 24 B/element, "
                + "write-allocate not counted)%n", t.gigabytesPerSecond(), t.footprintBytes() / 3.0 / (1 << 20),
                t.repetitions()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"lattice", "group", "operator", "sites", "apps", "ms/app", "best ms", "Msites/s", "flop/site",
                "GFLOP/s", "B/site", "GB/s", "roofline"});
        for (KernelResult k : r.kernels()) {
            rows.add(new String[] {k.lattice().toString(), k.group(), k.kernel().label(),
                    Integer.toString(k.outputSites()), Long.toString(k.timing().applications()),
                    fmt("%.4g", k.secondsPerApplication() * 1e3), fmt("%.4g", k.timing().bestSeconds() * 1e3),
                    fmt("%.3g", k.sitesPerSecond() * 1e-6),
                    Long.toString(k.flopsPerSite()), fmt("%.3g", k.gigaflopsPerSecond()),
                    Long.toString(k.bytesPerSite()), fmt("%.3g", k.gigabytesPerSecond()),
                    fmt("%.3g", k.rooflineFraction())});
        }
        sb.append(TextTable.align(rows));
        sb.append(String.format(Locale.ROOT, "%nCG on the staggered even operator m^2 - D_eo D_oe, m = %s, tolerance %s, "
                + "from x = 0 (model per even site and iteration, SU(3) d = 4: 1212 flop, 3840 B)%n",
                CgBenchmark.MASS, fmt("%.0e", CgBenchmark.TOLERANCE)));
        List<String[]> cg = new ArrayList<>();
        cg.add(new String[] {"lattice", "group", "iterations", "applications", "residual", "seconds", "ms/iter",
                "GFLOP/s", "GB/s", "roofline"});
        for (CgResult c : r.solves()) {
            cg.add(new String[] {c.lattice().toString(), c.group(), Integer.toString(c.iterations()),
                    Long.toString(c.applications()), fmt("%.2e", c.residual()) + (c.converged() ? "" : " (not converged)"),
                    fmt("%.3g", c.seconds()), fmt("%.4g", c.secondsPerIteration() * 1e3),
                    fmt("%.3g", c.gigaflopsPerSecond()), fmt("%.3g", c.gigabytesPerSecond()),
                    fmt("%.3g", c.rooflineFraction())});
        }
        return sb.append(TextTable.align(cg)).toString();
    }

    static String json(BenchReport r) {
        TriadResult t = r.triad();
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", r.cores());
        machine.put("threads", r.threads());
        machine.put("jvm", r.jvm());
        root.put("machine", machine);
        Map<String, Object> triad = new LinkedHashMap<>();
        triad.put("elements_per_array", t.elements());
        triad.put("repetitions", t.repetitions());
        triad.put("best_seconds", t.bestSeconds());
        triad.put("bytes_per_element", TriadResult.BYTES_PER_ELEMENT);
        triad.put("write_allocate_counted", false);
        triad.put("gb_per_s", t.gigabytesPerSecond());
        root.put("triad", triad);
        List<Object> kernels = new ArrayList<>();
        for (KernelResult k : r.kernels()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lattice", extents(k.lattice()));
            m.put("group", k.group());
            m.put("operator", k.kernel().label());
            m.put("output_sites", k.outputSites());
            m.put("applications", k.timing().applications());
            m.put("seconds_per_application", k.secondsPerApplication());
            m.put("best_seconds_per_application", k.timing().bestSeconds());
            m.put("sites_per_second", k.sitesPerSecond());
            m.put("flops_per_site", k.flopsPerSite());
            m.put("gflop_per_s", k.gigaflopsPerSecond());
            m.put("bytes_per_site", k.bytesPerSite());
            m.put("gb_per_s", k.gigabytesPerSecond());
            m.put("roofline_fraction", k.rooflineFraction());
            kernels.add(m);
        }
        root.put("kernels", kernels);
        List<Object> solves = new ArrayList<>();
        for (CgResult c : r.solves()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lattice", extents(c.lattice()));
            m.put("group", c.group());
            m.put("operator", "staggered m^2 - D_eo D_oe");
            m.put("mass", c.mass());
            m.put("tolerance", c.tolerance());
            m.put("iterations", c.iterations());
            m.put("applications", c.applications());
            m.put("residual", c.residual());
            m.put("converged", c.converged());
            m.put("seconds", c.seconds());
            m.put("seconds_per_iteration", c.secondsPerIteration());
            m.put("flops", c.flops());
            m.put("bytes", c.bytes());
            m.put("gflop_per_s", c.gigaflopsPerSecond());
            m.put("gb_per_s", c.gigabytesPerSecond());
            m.put("roofline_fraction", c.rooflineFraction());
            solves.add(m);
        }
        root.put("cg", solves);
        return Json.pretty(root);
    }

    private static List<Integer> extents(Lattice lattice) {
        List<Integer> extents = new ArrayList<>();
        for (int e : lattice.extents()) extents.add(e);
        return extents;
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
