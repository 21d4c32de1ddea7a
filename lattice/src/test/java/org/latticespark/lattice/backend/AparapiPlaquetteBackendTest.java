package org.latticespark.lattice.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latticespark.lattice.action.Plaquettes;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

class AparapiPlaquetteBackendTest {
    /*
     * Tolerance on the average plaquette, in which every normalised term is at most 1 in size. The
     * backends differ only in rounding: OpenCL (PoCL) contracts x*y+z to an FMA and the Java side
     * may associate the matrix products differently, each changing single roundings by an ulp
     * (~1e-16). With a few hundred roundings per site and identical block sums, the averages here
     * differ by < 1e-17; 1e-12 leaves room for larger fields. A wrong link or neighbour index moves
     * the average by about 1/(V·planes) >= 1e-5.
     */
    private static final double AVERAGE_TOLERANCE = 1e-12;
    private static final Parallelism SERIAL = Parallelism.serial();
    private static final Parallelism THREE = new Parallelism(3);

    private final JavaPlaquetteBackend java = new JavaPlaquetteBackend();

    @AfterAll
    static void shutDown() {
        THREE.close();
    }

    private static GaugeField hot(String group, long seed, int... extents) {
        return GaugeField.hot(new Lattice(extents), GaugeGroup.of(group), new RandomStream(seed, 0), SERIAL);
    }

    private static void assertSameAverage(GaugeField field, double expectedSum, double actualSum) {
        assertEquals(Plaquettes.normalise(field, expectedSum), Plaquettes.normalise(field, actualSum), AVERAGE_TOLERANCE);
    }

    @ParameterizedTest
    @CsvSource({"U1, 11, 6x10", "SU2, 12, 4x6x8", "SU3, 13, 4x4x6x8", "SU4, 14, 4x6x4"})
    void agreesWithJavaOnHotFields(String group, long seed, String extents) {
        GaugeField field = hot(group, seed, parseExtents(extents));
        try (AparapiPlaquetteBackend aparapi = new AparapiPlaquetteBackend()) {
            assertSameAverage(field, java.plaquetteSum(field, SERIAL), aparapi.plaquetteSum(field, SERIAL));
        }
    }

    @Test
    void coldFieldAverageIsOne() {
        GaugeField field = GaugeField.cold(new Lattice(4, 4, 4, 6), GaugeGroup.of("SU3"));
        try (AparapiPlaquetteBackend aparapi = new AparapiPlaquetteBackend()) {
            assertEquals(1.0, Plaquettes.normalise(field, aparapi.plaquetteSum(field, SERIAL)), 1e-14);
        }
    }

    @Test
    void runsOnOpenClWhereRequired() {
        GaugeField field = hot("SU3", 21, 4, 4, 4, 4);
        try (AparapiPlaquetteBackend aparapi = new AparapiPlaquetteBackend()) {
            aparapi.plaquetteSum(field, SERIAL);
            String ran = aparapi.description();
            System.out.println("Aparapi plaquette backend ran on " + ran);
            if ("1".equals(System.getenv("LATTICESPARK_REQUIRE_OPENCL"))) {
                assertTrue(ran.startsWith("aparapi:OpenCL:"), "LATTICESPARK_REQUIRE_OPENCL=1 but the kernel ran on " + ran);
            } else {
                assertTrue(ran.startsWith("aparapi:OpenCL:") || ran.equals("aparapi:JTP"), ran);
            }
        }
    }

    @Test
    void javaThreadPoolAgreesWithJava() {
        GaugeField field = hot("SU3", 31, 4, 4, 6, 4);
        try (AparapiPlaquetteBackend jtp = AparapiPlaquetteBackend.javaThreadPool()) {
            double sum = jtp.plaquetteSum(field, SERIAL);
            assertEquals("aparapi:JTP", jtp.description());
            assertSameAverage(field, java.plaquetteSum(field, SERIAL), sum);
        }
    }

    @Test
    void resultDoesNotDependOnHostThreads() {
        GaugeField field = hot("SU2", 41, 8, 8, 8, 8);
        try (AparapiPlaquetteBackend aparapi = new AparapiPlaquetteBackend()) {
            assertEquals(aparapi.plaquetteSum(field, SERIAL), aparapi.plaquetteSum(field, THREE), 0.0);
        }
    }

    @Test
    void reusedInstanceSeesChangedLinksAndLattices() {
        GaugeField a = hot("SU3", 51, 4, 4, 4, 6);
        GaugeField b = hot("SU3", 52, 4, 4, 4, 6);
        GaugeField c = hot("SU3", 53, 6, 4, 4, 4);
        try (AparapiPlaquetteBackend aparapi = new AparapiPlaquetteBackend()) {
            assertSameAverage(a, java.plaquetteSum(a, SERIAL), aparapi.plaquetteSum(a, SERIAL));
            assertSameAverage(a, java.plaquetteSum(a, SERIAL), aparapi.plaquetteSum(a, SERIAL));
            a.copyFrom(b); // same array, new contents
            assertSameAverage(a, java.plaquetteSum(b, SERIAL), aparapi.plaquetteSum(a, SERIAL));
            assertSameAverage(c, java.plaquetteSum(c, SERIAL), aparapi.plaquetteSum(c, SERIAL));
            assertSameAverage(b, java.plaquetteSum(b, SERIAL), aparapi.plaquetteSum(b, SERIAL));
        }
    }

    @Test
    void concurrentInstancesAgreeWithJava() throws Exception {
        ExecutorService chains = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int chain = 0; chain < 4; chain++) {
                GaugeField field = hot("SU3", 60 + chain, 4, 4, 4, 4);
                double expected = java.plaquetteSum(field, SERIAL);
                runs.add(chains.submit(() -> {
                    try (AparapiPlaquetteBackend aparapi = new AparapiPlaquetteBackend()) {
                        for (int call = 0; call < 5; call++) {
                            assertSameAverage(field, expected, aparapi.plaquetteSum(field, SERIAL));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) run.get();
        } finally {
            chains.shutdown();
        }
    }

    private static int[] parseExtents(String extents) {
        return Stream.of(extents.split("x")).mapToInt(Integer::parseInt).toArray();
    }
}
