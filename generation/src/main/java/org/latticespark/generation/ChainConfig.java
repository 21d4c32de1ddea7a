package org.latticespark.generation;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import org.latticespark.generation.hmc.Integrator;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.scalar.Phi4Action;

/**
 * Everything that defines one ensemble's Markov chains. Field names are the configuration keys
 * (see the README's configuration reference); validation errors name the key.
 */
public final class ChainConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    public enum Algorithm { HEATBATH, HMC, FLOW }

    /** What lives on the lattice: a gauge field (group, β, fermions) or the real scalar φ⁴ field (m², λ). */
    public enum Theory { GAUGE, PHI4 }

    public enum Start { COLD, HOT }

    public final String ensemble;
    public final Theory theory;
    public final String group;
    public final int[] extents;
    public final double beta;
    public final Algorithm algorithm;
    public final Start start;
    public final long seed;
    public final int chains;
    public final int thermalization;
    public final int saveEvery;
    public final int configurations;
    public final int threads;
    public final String backend;
    public final int overrelaxation;
    public final Integrator integrator;
    public final double trajectoryLength;
    public final int steps;
    public final int gaugeSubsteps;
    public final FermionConfig fermions;
    public final double mSquared;
    public final double lambda;
    public final FlowSettings flow;

    private ChainConfig(Builder b) {
        ensemble = b.ensemble;
        theory = b.theory;
        group = b.group;
        extents = b.extents.clone();
        beta = b.beta;
        algorithm = b.algorithm;
        start = b.start;
        seed = b.seed;
        chains = b.chains;
        thermalization = b.thermalization;
        saveEvery = b.saveEvery;
        configurations = b.configurations;
        threads = b.threads;
        backend = b.backend;
        overrelaxation = b.overrelaxation;
        integrator = b.integrator;
        trajectoryLength = b.trajectoryLength;
        steps = b.steps;
        gaugeSubsteps = b.gaugeSubsteps;
        fermions = b.fermions;
        mSquared = b.mSquared;
        lambda = b.lambda;
        flow = b.flow;
    }

    public static Builder builder() { return new Builder(); }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.ensemble = ensemble;
        b.theory = theory;
        b.group = group;
        b.extents = extents.clone();
        b.beta = beta;
        b.algorithm = algorithm;
        b.start = start;
        b.seed = seed;
        b.chains = chains;
        b.thermalization = thermalization;
        b.saveEvery = saveEvery;
        b.configurations = configurations;
        b.threads = threads;
        b.backend = backend;
        b.overrelaxation = overrelaxation;
        b.integrator = integrator;
        b.trajectoryLength = trajectoryLength;
        b.steps = steps;
        b.gaugeSubsteps = gaugeSubsteps;
        b.fermions = fermions;
        b.mSquared = mSquared;
        b.lambda = lambda;
        b.flow = flow;
        return b;
    }

    /**
     * The default seed of an ensemble: the run seed mixed with the ensemble's name (SHA-256, then the
     * SplitMix64 finaliser), so ensembles of one run never share random numbers by accident.
     */
    public static long derivedSeed(long runSeed, String ensemble) {
        byte[] h;
        try {
            h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(ensemble.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
        long z = runSeed ^ java.nio.ByteBuffer.wrap(h).getLong();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public Lattice lattice() { return new Lattice(extents); }

    public GaugeGroup gaugeGroup() { return GaugeGroup.of(group); }

    public boolean isScalar() { return theory == Theory.PHI4; }

    /** The φ⁴ action of a scalar ensemble. */
    public Phi4Action phi4Action() {
        if (!isScalar()) throw new IllegalStateException(ensemble + " is a gauge ensemble, not phi4");
        return new Phi4Action(mSquared, lambda);
    }

    /** The number of updates (sweeps or trajectories) a chain runs in all. */
    public long totalUpdates() { return thermalization + (long) saveEvery * configurations; }

    @Override
    public String toString() {
        if (isScalar()) {
            return String.format(Locale.ROOT, "%s: phi4 %s m2=%s lambda=%s %s", ensemble, Arrays.toString(extents),
                    mSquared, lambda, algorithm.name().toLowerCase(Locale.ROOT));
        }
        return String.format(Locale.ROOT, "%s: %s %s beta=%s %s%s", ensemble, group, Arrays.toString(extents), beta,
                algorithm.name().toLowerCase(Locale.ROOT), fermions.dynamical() ? " " + fermions : "");
    }

    public static final class Builder {
        private String ensemble = "ensemble";
        private Theory theory = Theory.GAUGE;
        private String group = "SU3";
        private int[] extents = {4, 4, 4, 4};
        private double beta = 6.0;
        private Algorithm algorithm = Algorithm.HEATBATH;
        private Start start = Start.COLD;
        private long seed = 1;
        private int chains = 1;
        private int thermalization = 10;
        private int saveEvery = 1;
        private int configurations = 10;
        private int threads = 1;
        private String backend = "java";
        private int overrelaxation = 3;
        private Integrator integrator = Integrator.OMELYAN;
        private double trajectoryLength = 1.0;
        private int steps = 10;
        private int gaugeSubsteps = 1;
        private FermionConfig fermions = FermionConfig.NONE;
        private double mSquared = -4.0;
        private double lambda = 8.0;
        private FlowSettings flow = FlowSettings.DEFAULT;

        public Builder ensemble(String v) { ensemble = v; return this; }
        public Builder theory(Theory v) { theory = v; return this; }
        public Builder group(String v) { group = v; return this; }
        public Builder extents(int... v) { extents = v.clone(); return this; }
        public Builder beta(double v) { beta = v; return this; }
        public Builder algorithm(Algorithm v) { algorithm = v; return this; }
        public Builder start(Start v) { start = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder chains(int v) { chains = v; return this; }
        public Builder thermalization(int v) { thermalization = v; return this; }
        public Builder saveEvery(int v) { saveEvery = v; return this; }
        public Builder configurations(int v) { configurations = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder backend(String v) { backend = v; return this; }
        public Builder overrelaxation(int v) { overrelaxation = v; return this; }
        public Builder integrator(Integrator v) { integrator = v; return this; }
        public Builder trajectoryLength(double v) { trajectoryLength = v; return this; }
        public Builder steps(int v) { steps = v; return this; }
        public Builder gaugeSubsteps(int v) { gaugeSubsteps = v; return this; }
        public Builder fermions(FermionConfig v) { fermions = v; return this; }
        public Builder mSquared(double v) { mSquared = v; return this; }
        public Builder lambda(double v) { lambda = v; return this; }
        public Builder flow(FlowSettings v) { flow = v; return this; }

        public ChainConfig build() {
            require(ensemble != null && ensemble.matches("[A-Za-z0-9_.-]+"), "ensemble",
                    "must be a non-empty name of letters, digits, '_', '.', '-'", ensemble);
            try {
                GaugeGroup.of(group);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("group: " + e.getMessage(), e);
            }
            try {
                Lattice lattice = new Lattice(extents);
                if (theory == Theory.GAUGE) org.latticespark.lattice.field.GaugeField.size(lattice, GaugeGroup.of(group));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("lattice: " + e.getMessage(), e);
            }
            if (algorithm == Algorithm.HEATBATH) {
                for (int e : extents) {
                    require(e % 2 == 0, "lattice", "heatbath updates one checkerboard parity at a time and needs even "
                            + "extents", Arrays.toString(extents));
                }
            }
            require(beta >= 0 && !Double.isInfinite(beta), "beta", "must be finite and >= 0", beta);
            require(chains >= 1 && chains <= 65535, "chains", "must be in 1..65535", chains);
            require(thermalization >= 0, "thermalization", "must be >= 0", thermalization);
            require(saveEvery >= 1, "save-every", "must be >= 1", saveEvery);
            require(configurations >= 1, "configurations", "must be >= 1", configurations);
            require(thermalization + (long) saveEvery * configurations < 0xFFFFFFFFL, "configurations",
                    "thermalization + save-every * configurations must fit the 32-bit update counter", configurations);
            require(threads >= 1 && threads <= 1024, "threads", "must be in 1..1024", threads);
            require("java".equals(backend) || "aparapi".equals(backend), "backend", "must be java or aparapi", backend);
            require(overrelaxation >= 0 && overrelaxation <= 100, "heatbath.overrelaxation", "must be in 0..100",
                    overrelaxation);
            require(trajectoryLength > 0 && !Double.isInfinite(trajectoryLength), "hmc.trajectory-length",
                    "must be finite and > 0", trajectoryLength);
            require(steps >= 1 && steps <= 100000, "hmc.steps", "must be in 1..100000", steps);
            require(gaugeSubsteps >= 1 && gaugeSubsteps <= 1000, "hmc.gauge-substeps", "must be in 1..1000",
                    gaugeSubsteps);
            require(theory != null, "theory", "must be given", null);
            require(fermions != null, "fermions.type", "must be given", null);
            require(gaugeSubsteps == 1 || fermions.dynamical(), "hmc.gauge-substeps",
                    "nests the gauge force inside the fermion steps; without dynamical fermions it must be 1", gaugeSubsteps);
            if (fermions.dynamical()) checkFermions();
            require(flow != null, "flow", "must be given", null);
            if (theory == Theory.PHI4) {
                checkPhi4();
            } else {
                require(algorithm != Algorithm.FLOW, "algorithm", "flow samples the scalar theory only; set theory = phi4",
                        "flow");
            }
            return new ChainConfig(this);
        }

        private void checkPhi4() {
            require(algorithm != Algorithm.HEATBATH, "algorithm", "phi4 ensembles are sampled by hmc or flow",
                    "heatbath");
            require(!fermions.dynamical(), "fermions.type", "phi4 has no fermions", fermions.type);
            require(extents.length >= 2 && extents.length <= 4, "lattice", "phi4 needs 2 to 4 dimensions",
                    Arrays.toString(extents));
            require(Double.isFinite(mSquared), "phi4.m2", "must be finite", mSquared);
            require(lambda >= 0 && !Double.isInfinite(lambda), "phi4.lambda", "must be finite and >= 0", lambda);
            require(mSquared > 0 || lambda > 0, "phi4.lambda", "must be > 0 when m2 <= 0 (else the action is unbounded "
                    + "below)", lambda);
            if (algorithm == Algorithm.FLOW) {
                for (int e : extents) {
                    require(e % 2 == 0, "lattice", "the flow's checkerboard coupling layers need even extents",
                            Arrays.toString(extents));
                    require(flow.kernelSize <= e, "flow.kernel-size", "must not exceed the smallest extent "
                            + Arrays.toString(extents), flow.kernelSize);
                }
            }
        }

        private void checkFermions() {
            String kind = fermions.type.name().toLowerCase(Locale.ROOT);
            require(algorithm == Algorithm.HMC, "fermions.type", "dynamical " + kind + " fermions need algorithm = hmc",
                    kind);
            int d = extents.length;
            require(d == 2 || d == 4, "fermions.type", kind + " fermions need a 2d or 4d lattice", Arrays.toString(extents));
            if (fermions.type == FermionConfig.Type.STAGGERED) {
                for (int e : extents) {
                    require(e % 2 == 0, "lattice", "staggered fermions need even extents", Arrays.toString(extents));
                }
                int tastes = FermionConfig.tastes(d);
                for (int f : fermions.flavours) {
                    require(f >= 1 && f <= tastes, "fermions.flavours", "one staggered field carries " + tastes
                            + " tastes in " + d + "d: each entry must be in 1.." + tastes + " (give more flavours as "
                            + "several species)", Arrays.toString(fermions.flavours));
                }
            } else {
                for (int e : extents) {
                    require(e % 2 == 0, "lattice", "even-odd preconditioned Wilson fermions need even extents",
                            Arrays.toString(extents));
                }
            }
        }

        private static void require(boolean ok, String key, String rule, Object value) {
            if (!ok) throw new IllegalArgumentException(key + ": " + rule + ", got " + value);
        }
    }
}
