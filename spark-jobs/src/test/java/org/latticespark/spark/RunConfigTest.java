package org.latticespark.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.FermionConfig;
import org.latticespark.generation.hmc.Integrator;
import org.latticespark.spark.config.EnsembleJson;
import org.latticespark.spark.config.RunConfig;

class RunConfigTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private InvalidInputException fails(String text) throws Exception {
        Path f = write("bad.conf", text);
        return assertThrows(InvalidInputException.class, () -> RunConfig.load(f));
    }

    @Test
    void defaultsApplyWhereNothingIsSaid() throws Exception {
        RunConfig rc = RunConfig.load(write("min.conf", "ensembles = [ {name = a} ]"));
        assertEquals("run", rc.name());
        assertEquals("local[*]", rc.master());
        assertEquals(1L, rc.seed());
        assertEquals(List.of("plaquette", "polyakov"), rc.measureStages());
        assertEquals(2.0, rc.analyzeS());
        assertEquals(Path.of("runs/run").toAbsolutePath().normalize().toString(), rc.output());
        ChainConfig a = rc.ensembles().get(0);
        assertEquals("a", a.ensemble);
        assertEquals("SU3", a.group);
        assertArrayEquals(new int[] {4, 4, 4, 4}, a.extents);
        assertEquals(6.0, a.beta);
        assertEquals(ChainConfig.Algorithm.HEATBATH, a.algorithm);
        assertEquals(ChainConfig.Start.COLD, a.start);
        assertEquals(ChainConfig.derivedSeed(1L, "a"), a.seed);
        assertEquals(1, a.chains);
        assertEquals(10, a.thermalization);
        assertEquals(1, a.saveEvery);
        assertEquals(10, a.configurations);
        assertEquals(1, a.threads);
        assertEquals("java", a.backend);
        assertEquals(3, a.overrelaxation);
        assertEquals(Integrator.OMELYAN, a.integrator);
        assertEquals(1.0, a.trajectoryLength);
        assertEquals(10, a.steps);
    }

    @Test
    void ensemblesFallBackToEnsembleDefaultsThenBuiltIns() throws Exception {
        RunConfig rc = RunConfig.load(write("run.conf", """
                name = test-run
                output = out/here
                seed = 42
                spark.master = "local[2]"
                spark.conf { "spark.executor.memory" = 2g }
                ensemble-defaults { group = SU2, lattice = [6, 6, 6, 8], beta = 2.3, chains = 3, hmc.steps = 12 }
                ensembles = [
                  { name = hb, heatbath.overrelaxation = 1 }
                  { name = hmc, algorithm = hmc, beta = 2.4, seed = 7, hmc { integrator = leapfrog, trajectory-length = 0.5 } }
                ]
                measure.stages = [polyakov]
                analyze.s = 1.5
                """));
        assertEquals("test-run", rc.name());
        assertEquals(Path.of("out/here").toAbsolutePath().toString(), rc.output());
        assertEquals("local[2]", rc.master());
        assertEquals("2g", rc.sparkConf().get("spark.executor.memory"));
        assertEquals(List.of("polyakov"), rc.measureStages());
        assertEquals(1.5, rc.analyzeS());
        ChainConfig hb = rc.ensemble("hb").orElseThrow();
        ChainConfig hmc = rc.ensemble("hmc").orElseThrow();
        assertEquals("SU2", hb.group);
        assertArrayEquals(new int[] {6, 6, 6, 8}, hb.extents);
        assertEquals(2.3, hb.beta);
        assertEquals(1, hb.overrelaxation);
        assertEquals(ChainConfig.derivedSeed(42L, "hb"), hb.seed, "ensemble seed derived from run seed and name");
        assertTrue(hb.seed != 42L && hb.seed != ChainConfig.derivedSeed(42L, "hmc"));
        assertEquals(3, hb.chains);
        assertEquals(ChainConfig.Algorithm.HMC, hmc.algorithm);
        assertEquals(2.4, hmc.beta);
        assertEquals(7L, hmc.seed);
        assertEquals(12, hmc.steps);
        assertEquals(Integrator.LEAPFROG, hmc.integrator);
        assertEquals(0.5, hmc.trajectoryLength);
        assertEquals(3, hmc.overrelaxation, "built-in default");
    }

    @Test
    void overridesFromTheCommandLine() throws Exception {
        RunConfig rc = RunConfig.load(write("o.conf", "ensembles = [{name = a}]"))
                .withMaster("local[1]").withOutput("elsewhere");
        assertEquals("local[1]", rc.master());
        assertEquals(Path.of("elsewhere").toAbsolutePath().toString(), rc.output());
        assertEquals("hdfs://nn/x", rc.withOutput("hdfs://nn/x").output());
    }

    @Test
    void unknownKeyIsNamedWithTheFile() throws Exception {
        InvalidInputException e = fails("ensembles = [ {name = a, hmc.stpes = 3} ]");
        assertTrue(e.getMessage().contains("bad.conf"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'hmc.stpes'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'hmc.steps'"), e.getMessage());
        assertTrue(e.getMessage().contains("ensembles[0] 'a'"), e.getMessage());

        e = fails("nmae = x\nensembles = [ {name = a} ]");
        assertTrue(e.getMessage().contains("bad.conf") && e.getMessage().contains("'nmae'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());

        e = fails("ensemble-defaults { betta = 6 }\nensembles = [ {name = a} ]");
        assertTrue(e.getMessage().contains("ensemble-defaults") && e.getMessage().contains("'betta'"), e.getMessage());

        e = fails("beta = 6\nensembles = [ {name = a} ]");
        assertTrue(e.getMessage().contains("an ensemble key"), e.getMessage());
    }

    @Test
    void badValuesAreNamedWithTheKeyAndFile() throws Exception {
        String[][] cases = {
                {"ensembles = [ {name = a, hmc.steps = 0} ]", "hmc.steps"},
                {"ensembles = [ {name = a, chains = two} ]", "chains"},
                {"ensembles = [ {name = a, chains = 1.5} ]", "chains"},
                {"ensembles = [ {name = a, beta = -1} ]", "beta"},
                {"ensembles = [ {name = a, beta = cold} ]", "beta"},
                {"ensembles = [ {name = a, lattice = [4, 4, 1]} ]", "lattice"},
                {"ensembles = [ {name = a, lattice = 4} ]", "lattice"},
                {"ensembles = [ {name = a, group = SU9} ]", "group"},
                {"ensembles = [ {name = a, algorithm = metropolis} ]", "algorithm"},
                {"ensembles = [ {name = a, start = warm} ]", "start"},
                {"ensembles = [ {name = a, backend = cuda} ]", "backend"},
                {"ensembles = [ {name = a, save-every = 0} ]", "save-every"},
                {"ensembles = [ {name = a, heatbath.overrelaxation = -1} ]", "heatbath.overrelaxation"},
                {"ensembles = [ {name = a, hmc.integrator = euler} ]", "hmc.integrator"},
                {"ensembles = [ {name = a, hmc.trajectory-length = 0} ]", "hmc.trajectory-length"},
                {"ensembles = [ {name = \"a b\"} ]", "name"},
                {"ensembles = [ {name = a}, {name = a} ]", "name"},
                {"ensembles = [ {beta = 6} ]", "name"},
                {"ensembles = []", "ensembles"},
                {"name = x", "ensembles"},
                {"analyze.s = 0\nensembles = [ {name = a} ]", "analyze.s"},
                {"measure.stages = [plaquette, wilson-loops]\nensembles = [ {name = a} ]", "measure.stages"},
                {"seed = abc\nensembles = [ {name = a} ]", "seed"},
                {"ensembles = [ {name = a, seed = 3}, {name = b, seed = 3} ]", "seed"},
                {"ensemble-defaults.seed = 3\nensembles = [ {name = a}, {name = b} ]", "seed"},
        };
        for (String[] c : cases) {
            InvalidInputException e = fails(c[0]);
            assertTrue(e.getMessage().contains("bad.conf"), c[0] + " -> " + e.getMessage());
            assertTrue(e.getMessage().contains(c[1] + ":") || e.getMessage().contains("'" + c[1] + "'"),
                    c[0] + " -> " + e.getMessage());
        }
        InvalidInputException e = fails("ensembles = [ {name = a}\n {name = b, hmc.steps = 0} ]");
        assertTrue(e.getMessage().contains("ensembles[1] 'b'") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void syntaxErrorNamesTheFile() throws Exception {
        InvalidInputException e = fails("ensembles = [ {name = a ");
        assertTrue(e.getMessage().contains("bad.conf"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("nope.conf");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunConfig.load(f));
        assertTrue(e.getMessage().contains("not found") && e.getMessage().contains("nope.conf"), e.getMessage());
    }

    @Test
    void parametersJsonIsCanonicalAndRoundTrips() throws Exception {
        RunConfig rc = RunConfig.load(write("j.conf", """
                ensembles = [ {name = x, algorithm = hmc, lattice = [4, 4, 4, 8], beta = 5.7, seed = -9,
                               hmc.trajectory-length = 0.7, hmc.steps = 9, start = hot} ]
                """));
        ChainConfig c = rc.ensembles().get(0);
        String json = EnsembleJson.toJson(c);
        assertEquals("{\"name\":\"x\",\"theory\":\"gauge\",\"group\":\"SU3\",\"lattice\":[4,4,4,8],\"beta\":5.7,\"algorithm\":\"hmc\","
                + "\"start\":\"hot\",\"seed\":-9,\"chains\":1,\"thermalization\":10,\"save-every\":1,"
                + "\"configurations\":10,\"threads\":1,\"backend\":\"java\",\"heatbath\":{\"overrelaxation\":3},"
                + "\"hmc\":{\"integrator\":\"omelyan\",\"trajectory-length\":0.7,\"steps\":9,\"gauge-substeps\":1},"
                + "\"fermions\":{\"type\":\"none\",\"flavours\":[],\"mass\":[],\"kappa\":[],"
                + "\"hasenbusch-kappa\":0.0,\"csw\":0.0,\"tolerance\":1.0E-10,\"force-tolerance\":1.0E-8,\"max-iterations\":10000,"
                + "\"rational-tolerance\":1.0E-10},\"phi4\":{\"m2\":-4.0,\"lambda\":8.0},"
                + "\"flow\":{\"layers\":8,\"hidden-channels\":[8,8],\"kernel-size\":3,\"activation\":\"leaky_relu\","
                + "\"training-steps\":500,\"batch\":64,\"learning-rate\":0.001,\"training-tasks\":0,\"weights\":\"\",\"proposals-per-task\":1000}}",
                json);
        ChainConfig back = EnsembleJson.fromJson(json, "test");
        assertEquals(json, EnsembleJson.toJson(back));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> EnsembleJson.fromJson(json.replace("\"steps\":9", "\"steps\":0"), "tbl ensemble=x"));
        assertTrue(e.getMessage().contains("tbl ensemble=x") && e.getMessage().contains("hmc.steps"), e.getMessage());
    }

    @Test
    void fermionKeysTakeNumbersOrListsAndRoundTrip() throws Exception {
        RunConfig rc = RunConfig.load(write("f.conf", """
                ensemble-defaults { algorithm = hmc, group = SU2, beta = 2.0 }
                ensembles = [
                  {name = nf4, fermions { type = staggered, mass = 0.3 }, hmc.gauge-substeps = 3}
                  {name = nf21, fermions { type = staggered, mass = [0.02, 0.1], flavours = [2, 1] }}
                  {name = w, fermions { type = wilson, kappa = 0.15, hasenbusch-kappa = 0.1 }}
                  {name = s2, lattice = [8, 8], group = U1, fermions { type = staggered, mass = [0.1, 0.2] }}
                ]
                """));
        ChainConfig nf4 = rc.ensembles().get(0), nf21 = rc.ensembles().get(1), w = rc.ensembles().get(2);
        assertEquals(FermionConfig.Type.STAGGERED, nf4.fermions.type);
        assertArrayEquals(new double[] {0.3}, nf4.fermions.masses);
        assertArrayEquals(new int[] {4}, nf4.fermions.flavours);
        assertEquals(3, nf4.gaugeSubsteps);
        assertArrayEquals(new double[] {0.02, 0.1}, nf21.fermions.masses);
        assertArrayEquals(new int[] {2, 1}, nf21.fermions.flavours);
        assertEquals(0.1, w.fermions.hasenbuschKappa);
        assertArrayEquals(new int[] {2}, w.fermions.flavours);
        assertArrayEquals(new int[] {2, 2}, rc.ensembles().get(3).fermions.flavours);
        for (ChainConfig c : rc.ensembles()) {
            String json = EnsembleJson.toJson(c);
            assertEquals(json, EnsembleJson.toJson(EnsembleJson.fromJson(json, "test")));
        }
    }

    @Test
    void phi4KeysParseAndRoundTrip() throws Exception {
        RunConfig rc = RunConfig.load(write("phi4.conf", """
                ensembles = [
                  { name = f, theory = phi4, lattice = [8, 8], algorithm = flow, phi4 { m2 = -4, lambda = 8 },
                    flow { layers = 4, hidden-channels = [6, 6], kernel-size = 3, activation = tanh, training-steps = 7,
                           batch = 9, learning-rate = 0.002, proposals-per-task = 11 } }
                  { name = h, theory = phi4, lattice = [6, 6, 6], algorithm = hmc, phi4.m2 = 0.5, phi4.lambda = 0 }
                ]
                """));
        ChainConfig f = rc.ensembles().get(0);
        assertEquals(ChainConfig.Theory.PHI4, f.theory);
        assertEquals(ChainConfig.Algorithm.FLOW, f.algorithm);
        assertEquals(-4.0, f.mSquared);
        assertEquals(8.0, f.lambda);
        assertEquals(4, f.flow.layers);
        assertArrayEquals(new int[] {6, 6}, f.flow.hiddenChannels);
        assertEquals("tanh", f.flow.activation);
        assertEquals(11, f.flow.proposalsPerTask);
        assertEquals(0.002, f.flow.learningRate);
        ChainConfig h = rc.ensembles().get(1);
        assertEquals(0.5, h.mSquared);
        assertEquals(0.0, h.lambda);
        for (ChainConfig c : rc.ensembles()) {
            String json = EnsembleJson.toJson(c);
            assertEquals(json, EnsembleJson.toJson(EnsembleJson.fromJson(json, "stored")));
        }
    }

    @Test
    void badPhi4AndFlowKeysAreNamed() throws Exception {
        String[][] cases = {
                {"theory = phi4, algorithm = heatbath", "algorithm", "hmc or flow"},
                {"theory = phi4, algorithm = hmc, beta = 2.0", "beta", "does not apply to theory = phi4"},
                {"theory = phi4, algorithm = hmc, group = SU2", "group", "does not apply to theory = phi4"},
                {"theory = phi4, algorithm = hmc, fermions { type = staggered, mass = 0.1 }", "fermions.type",
                        "does not apply to theory = phi4"},
                {"algorithm = hmc, phi4.m2 = 1.0", "phi4.m2", "does not apply to theory = gauge"},
                {"algorithm = flow", "algorithm", "set theory = phi4"},
                {"theory = phi4, algorithm = hmc, flow.layers = 4", "flow.layers", "algorithm = flow only"},
                {"theory = phi4, algorithm = hmc, phi4 { m2 = -1, lambda = 0 }", "phi4.lambda", "unbounded"},
                {"theory = phi4, algorithm = hmc, phi4.lambda = -1", "phi4.lambda", ">= 0"},
                {"theory = phi4, algorithm = flow, lattice = [5, 4]", "lattice", "even extents"},
                {"theory = phi4, algorithm = flow, lattice = [4, 4], flow.layers = 3", "flow.layers", "even"},
                {"theory = phi4, algorithm = flow, lattice = [4, 4], flow.kernel-size = 5", "flow.kernel-size",
                        "smallest extent"},
                {"theory = phi4, algorithm = flow, lattice = [4, 4], flow.activation = sigmoid", "flow.activation",
                        "leaky_relu"},
                {"theory = phi4, algorithm = flow, lattice = [4, 4], flow.batch = 0", "flow.batch", "1..1048576"},
                {"theory = phi4, algorithm = flow, lattice = [4, 4], flow.learning-rate = 2", "flow.learning-rate", "(0, 1)"},
                {"theory = scalar", "theory", "gauge, phi4"},
        };
        for (String[] c : cases) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> RunConfig.load(write("bad.conf", "ensembles = [ {name = e, " + c[0] + "} ]")), c[0]);
            assertTrue(e.getMessage().contains("bad.conf") && e.getMessage().contains(c[1])
                    && e.getMessage().contains(c[2]), c[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void badFermionKeysAreNamed() throws Exception {
        String[][] cases = {
                {"algorithm = heatbath, fermions { type = staggered, mass = 0.1 }", "fermions.type", "algorithm = hmc"},
                {"algorithm = hmc, fermions { type = staggered, mass = [0.1, 0.2], flavours = 2 }", "fermions.flavours",
                        "one flavour count per mass"},
                {"algorithm = hmc, fermions { type = staggered, mass = 0.1, flavours = 6 }", "fermions.flavours", "1..4"},
                {"algorithm = hmc, fermions { type = staggered }", "fermions.mass", "missing"},
                {"algorithm = hmc, fermions { type = wilson }", "fermions.kappa", "missing"},
                {"algorithm = hmc, fermions { type = staggered, mass = -1 }", "fermions.mass", "(0, 100)"},
                {"algorithm = hmc, fermions { type = wilson, kappa = 0.1, flavours = 1 }", "fermions.flavours", "Nf = 2"},
                {"algorithm = hmc, fermions { type = wilson, flavours = 2, kappa = 0.12, hasenbusch-kappa = 0.13 }",
                        "fermions.hasenbusch-kappa", "heavier"},
                {"algorithm = hmc, fermions { type = wilson, kappa = 0.12, csw = 1.5, hasenbusch-kappa = 0.1 }",
                        "fermions.hasenbusch-kappa", "clover"},
                {"algorithm = hmc, fermions { type = staggered, mass = 0.1, csw = 1 }", "fermions.csw",
                        "does not apply to fermions.type = staggered"},
                {"algorithm = hmc, fermions { type = staggered, mass = 0.1, tolerance = 0.5 }", "fermions.tolerance", "(0, 1e-3]"},
                {"algorithm = hmc, fermions { type = quarks }", "fermions.type", "none, staggered, wilson"},
                {"algorithm = hmc, hmc.gauge-substeps = 2", "hmc.gauge-substeps", "without dynamical fermions"},
                {"algorithm = hmc, fermions { typ = staggered }", "fermions.typ", "fermions.type"},
                {"algorithm = hmc, fermions { mass = 0.1 }", "fermions.mass", "would be quenched"},
                {"algorithm = hmc, fermions { type = staggered, mass = 0.1, kappa = 0.12 }", "fermions.kappa",
                        "does not apply to fermions.type = staggered"},
                {"algorithm = hmc, fermions { type = wilson, kappa = 0.12, mass = 0.1 }", "fermions.mass",
                        "does not apply to fermions.type = wilson"},
                {"algorithm = hmc, fermions { type = none, flavours = 2 }", "fermions.flavours", "does not apply"},
        };
        for (String[] c : cases) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> RunConfig.load(write("bad.conf", "ensembles = [ {name = e, " + c[0] + "} ]")), c[0]);
            assertTrue(e.getMessage().contains("bad.conf") && e.getMessage().contains(c[1])
                    && e.getMessage().contains(c[2]), c[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void fermionicStagesTakeTheSeaQuarkUnlessAValenceQuarkIsGiven() throws Exception {
        RunConfig rc = RunConfig.load(write("m.conf", """
                ensemble-defaults { algorithm = hmc, group = SU2 }
                ensembles = [
                  {name = stag, fermions { type = staggered, mass = [0.02, 0.1], flavours = [2, 1] }}
                  {name = wil, fermions { type = wilson, kappa = 0.13 }}
                  {name = clover, fermions { type = wilson, kappa = 0.12, csw = 1.7 }}
                ]
                measure { stages = [plaquette, condensate, pion], condensate { noise = z4, vectors = 3 } }
                """));
        var stag = rc.measure().stagesFor(rc.ensembles().get(0));
        var cs = ((org.latticespark.measurement.fermion.CondensateStage) stag.get(1)).settings();
        assertEquals(0.02, cs.mass());
        assertEquals(2.0, cs.flavours());
        assertEquals(3, cs.vectors());
        assertEquals(org.latticespark.measurement.fermion.NoiseKind.Z4, cs.noise());
        var wil = rc.measure().stagesFor(rc.ensembles().get(1));
        assertEquals(0.13, ((org.latticespark.measurement.fermion.PionStage) wil.get(2)).settings().kappa());
        var clover = rc.measure().stagesFor(rc.ensembles().get(2));
        assertEquals(1.7, ((org.latticespark.measurement.fermion.PionStage) clover.get(2)).settings().cSw());
        assertEquals(1.7, ((org.latticespark.measurement.fermion.CondensateStage) clover.get(1)).settings().cSw());

        RunConfig valence = RunConfig.load(write("v.conf", """
                ensembles = [ {name = q, group = SU2} ]
                measure { stages = [condensate], condensate { type = staggered, mass = 0.05 } }
                """));
        var q = ((org.latticespark.measurement.fermion.CondensateStage) valence.measure()
                .stagesFor(valence.ensembles().get(0)).get(0)).settings();
        assertEquals(0.05, q.mass());
        assertEquals(4.0, q.flavours(), "a quenched 4d ensemble normalises to one staggered field");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunConfig.load(write("b.conf", """
                ensembles = [ {name = q, group = SU2} ]
                measure.stages = [condensate]
                """)));
        assertTrue(e.getMessage().contains("b.conf") && e.getMessage().contains("measure.condensate.type")
                && e.getMessage().contains("'q' is quenched"), e.getMessage());
        InvalidInputException w = assertThrows(InvalidInputException.class, () -> RunConfig.load(write("c.conf", """
                ensembles = [ {name = q, group = SU2} ]
                measure { stages = [pion], pion.type = wilson }
                """)));
        assertTrue(w.getMessage().contains("measure.pion.kappa") && w.getMessage().contains("missing"), w.getMessage());
    }
}
