package org.latticespark.lattice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;

/** The benchmark on tiny sizes: every figure finite and positive, counts as the standard ones. No timing checks. */
class DslashBenchmarkTest {
    private static BenchSettings tiny(GaugeGroup group, Lattice... lattices) {
        return new BenchSettings(List.of(lattices), group, 2, 0.002, 0.0, 10_000, 2, 7L);
    }

    @Test
    void tinySu3RunGivesPositiveFiguresAndStandardCounts() {
        Lattice lattice = new Lattice(4, 4, 4, 4);
        BenchReport report = DslashBenchmark.run(tiny(GaugeGroup.of("SU3"), lattice));
        assertEquals(2, report.threads());
        assertTrue(report.cores() >= 1);
        assertTrue(report.jvm().startsWith("Java "), report.jvm());
        assertPositive(report.triad().gigabytesPerSecond());
        assertEquals(10_000, report.triad().elements());
        assertEquals(Kernel.values().length, report.kernels().size());
        for (KernelResult r : report.kernels()) {
            assertEquals(lattice, r.lattice());
            assertEquals("SU3", r.group());
            assertEquals(r.kernel().wilson() ? 1320 : 570, r.flopsPerSite());
            assertEquals(r.kernel().wilson() ? 2880 : 1584, r.bytesPerSite());
            assertEquals(r.kernel().evenOdd() ? 128 : 256, r.outputSites());
            assertTrue(r.timing().applications() >= 1);
            assertPositive(r.secondsPerApplication());
            assertPositive(r.timing().bestSeconds());
            assertTrue(r.timing().bestSeconds() <= r.secondsPerApplication());
            assertPositive(r.sitesPerSecond());
            assertPositive(r.gigaflopsPerSecond());
            assertPositive(r.gigabytesPerSecond());
            assertPositive(r.rooflineFraction());
            assertEquals(r.gigabytesPerSecond() / report.triad().gigabytesPerSecond(), r.rooflineFraction(), 0.0);
            assertEquals(r.flopsPerSite() * r.sitesPerSecond() * 1e-9, r.gigaflopsPerSecond(), 0.0);
        }
        assertEquals(1, report.solves().size());
        CgResult cg = report.solves().get(0);
        assertTrue(cg.converged() && cg.residual() <= CgBenchmark.TOLERANCE, cg.toString());
        assertTrue(cg.iterations() >= 1 && cg.applications() > cg.iterations(), cg.toString());
        // SU(3), d = 4: 1152 flops and 3312 bytes per application, 60 flops and 528 bytes per iteration, per even site.
        assertEquals(128.0 * (1152.0 * cg.applications() + 60.0 * cg.iterations()), cg.flops(), 0.0);
        assertEquals(128.0 * (3312.0 * cg.applications() + 528.0 * cg.iterations()), cg.bytes(), 0.0);
        assertPositive(cg.gigaflopsPerSecond());
        assertPositive(cg.secondsPerIteration());
        assertPositive(cg.rooflineFraction());
    }

    @Test
    void genericColourPathInTwoDimensions() {
        BenchReport report = DslashBenchmark.run(tiny(GaugeGroup.of("U1"), new Lattice(4, 4), new Lattice(6, 4)));
        assertEquals(2 * Kernel.values().length, report.kernels().size());
        for (KernelResult r : report.kernels()) {
            assertEquals(r.kernel().bytesPerSite(1, 2), r.bytesPerSite());
            assertEquals(r.kernel().flopsPerSite(1, 2), r.flopsPerSite());
            assertPositive(r.gigaflopsPerSecond());
            assertPositive(r.rooflineFraction());
        }
        assertEquals(new Lattice(6, 4), report.kernels().get(Kernel.values().length).lattice());
        assertEquals(2, report.solves().size());
        for (CgResult cg : report.solves()) assertTrue(cg.converged(), cg.toString());
    }

    @Test
    void triadAloneIsPositiveAndCountsItsFootprint() {
        try (Parallelism par = new Parallelism(2)) {
            TriadResult t = Triad.measure(Triad.CHUNK * 70 + 3, 3, par);
            assertPositive(t.gigabytesPerSecond());
            assertPositive(t.bestSeconds());
            assertEquals(3L * 8 * (Triad.CHUNK * 70 + 3), t.footprintBytes());
            assertEquals(24.0 * t.elements() / t.bestSeconds() * 1e-9, t.gigabytesPerSecond(), 0.0);
        }
    }

    @Test
    void rejectsBadSettings() {
        GaugeGroup su3 = GaugeGroup.of("SU3");
        List<Lattice> one = List.of(new Lattice(4, 4, 4, 4));
        assertMessage("d = 2 or 4", () -> new BenchSettings(List.of(new Lattice(4, 4, 4)), su3, 1, 1, 0, 10, 1, 1));
        assertMessage("even extents", () -> new BenchSettings(List.of(new Lattice(4, 4, 4, 5)), su3, 1, 1, 0, 10, 1, 1));
        assertMessage("at least one lattice", () -> new BenchSettings(List.of(), su3, 1, 1, 0, 10, 1, 1));
        assertMessage("threads", () -> new BenchSettings(one, su3, 0, 1, 0, 10, 1, 1));
        assertMessage("measuring time", () -> new BenchSettings(one, su3, 1, 0, 0, 10, 1, 1));
        assertMessage("measuring time", () -> new BenchSettings(one, su3, 1, Double.NaN, 0, 10, 1, 1));
        assertMessage("warm-up", () -> new BenchSettings(one, su3, 1, 1, -1, 10, 1, 1));
        assertMessage("triad elements", () -> new BenchSettings(one, su3, 1, 1, 0, 0, 1, 1));
        assertMessage("triad repetitions", () -> new BenchSettings(one, su3, 1, 1, 0, 10, 0, 1));
        assertMessage("gauge group", () -> new BenchSettings(one, null, 1, 1, 0, 10, 1, 1));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), ex.getMessage());
    }

    private static void assertPositive(double x) {
        assertTrue(Double.isFinite(x) && x > 0, "not finite and positive: " + x);
    }
}
