package org.latticespark.generation;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * The dynamical fermions of an ensemble (configuration keys {@code fermions.*}). Several species of one kind are
 * given as lists of equal length: staggered Nf = 2+1 is {@code mass = [0.02, 0.1], flavours = [2, 1]}.
 *
 * <p>Staggered: a species with flavours equal to the taste count 2^{d/2} (4 in 4d) is one even-site pseudofermion
 * with det(m² − D_eo D_oe); any other count is RHMC with the power Nf/2^{d/2}. Wilson: each species is Nf = 2
 * degenerate flavours, one even–odd pseudofermion with det(Ŝ†Ŝ); with a Hasenbusch κ_h the determinant is split
 * into det(Ŝ_h†Ŝ_h) · det(Ŝ†Ŝ)/det(Ŝ_h†Ŝ_h); with c_SW &gt; 0 (clover) the weight is (det A_oo)² det(Ŝ†Ŝ).
 */
public final class FermionConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    public enum Type { NONE, STAGGERED, WILSON }

    public static final FermionConfig NONE = builder().build();

    public final Type type;
    public final double[] masses;
    public final double[] kappas;
    public final int[] flavours;
    public final double hasenbuschKappa;
    public final double cSw;
    public final double tolerance;
    public final double forceTolerance;
    public final int maxIterations;
    public final double rationalTolerance;

    private FermionConfig(Builder b) {
        type = b.type;
        masses = b.masses.clone();
        kappas = b.kappas.clone();
        flavours = b.flavours.clone();
        hasenbuschKappa = b.hasenbuschKappa;
        cSw = b.cSw;
        tolerance = b.tolerance;
        forceTolerance = b.forceTolerance;
        maxIterations = b.maxIterations;
        rationalTolerance = b.rationalTolerance;
    }

    public static Builder builder() { return new Builder(); }

    public boolean dynamical() { return type != Type.NONE; }

    /** The number of species (pseudofermion families). */
    public int species() {
        return switch (type) {
            case NONE -> 0;
            case STAGGERED -> masses.length;
            case WILSON -> kappas.length;
        };
    }

    /** Tastes of one staggered field in d dimensions: 2^{d/2}. */
    public static int tastes(int dimensions) { return 1 << (dimensions / 2); }

    public Builder toBuilder() {
        return builder().type(type).masses(masses).kappas(kappas).flavours(flavours).hasenbuschKappa(hasenbuschKappa)
                .cSw(cSw).tolerance(tolerance).forceTolerance(forceTolerance).maxIterations(maxIterations)
                .rationalTolerance(rationalTolerance);
    }

    @Override
    public String toString() {
        return switch (type) {
            case NONE -> "quenched";
            case STAGGERED -> String.format(Locale.ROOT, "staggered m=%s Nf=%s", Arrays.toString(masses),
                    Arrays.toString(flavours));
            case WILSON -> String.format(Locale.ROOT, "wilson kappa=%s Nf=%s%s", Arrays.toString(kappas),
                    Arrays.toString(flavours), (cSw != 0 ? " csw=" + cSw : "")
                    + (hasenbuschKappa > 0 ? " hasenbusch " + hasenbuschKappa : ""));
        };
    }

    public static final class Builder {
        private Type type = Type.NONE;
        private double[] masses = {};
        private double[] kappas = {};
        private int[] flavours = {};
        private double hasenbuschKappa = 0;
        private double cSw = 0;
        private double tolerance = 1e-10;
        private double forceTolerance = 1e-8;
        private int maxIterations = 10000;
        private double rationalTolerance = 1e-10;

        public Builder type(Type v) { type = v; return this; }
        public Builder masses(double... v) { masses = v.clone(); return this; }
        public Builder kappas(double... v) { kappas = v.clone(); return this; }
        public Builder flavours(int... v) { flavours = v.clone(); return this; }
        public Builder hasenbuschKappa(double v) { hasenbuschKappa = v; return this; }
        public Builder cSw(double v) { cSw = v; return this; }
        public Builder tolerance(double v) { tolerance = v; return this; }
        public Builder forceTolerance(double v) { forceTolerance = v; return this; }
        public Builder maxIterations(int v) { maxIterations = v; return this; }
        public Builder rationalTolerance(double v) { rationalTolerance = v; return this; }

        /** Validates what does not depend on the lattice; {@link ChainConfig} checks the rest. */
        public FermionConfig build() {
            require(type != null, "fermions.type", "must be none, staggered or wilson", type);
            require(tolerance > 0 && tolerance <= 1e-3, "fermions.tolerance", "must be in (0, 1e-3]", tolerance);
            require(forceTolerance > 0 && forceTolerance <= 1e-2, "fermions.force-tolerance", "must be in (0, 1e-2]",
                    forceTolerance);
            require(maxIterations >= 1 && maxIterations <= 10_000_000, "fermions.max-iterations",
                    "must be in 1..10000000", maxIterations);
            require(rationalTolerance >= 1e-15 && rationalTolerance <= 1e-2, "fermions.rational-tolerance",
                    "must be in [1e-15, 1e-2]", rationalTolerance);
            if (type == Type.STAGGERED) {
                require(masses.length >= 1 && masses.length <= 8, "fermions.mass", "must give 1 to 8 masses",
                        Arrays.toString(masses));
                for (double m : masses) {
                    require(m > 0 && m < 100, "fermions.mass", "staggered masses must be in (0, 100)",
                            Arrays.toString(masses));
                }
                require(flavours.length == masses.length, "fermions.flavours", "must give one flavour count per mass "
                        + Arrays.toString(masses), Arrays.toString(flavours));
                require(hasenbuschKappa == 0, "fermions.hasenbusch-kappa", "is for Wilson fermions; must be 0 for "
                        + "staggered", hasenbuschKappa);
                require(cSw == 0, "fermions.csw", "is for Wilson fermions; must be 0 for staggered", cSw);
            }
            if (type == Type.WILSON) {
                require(kappas.length >= 1 && kappas.length <= 8, "fermions.kappa", "must give 1 to 8 values of kappa",
                        Arrays.toString(kappas));
                for (double k : kappas) {
                    require(k > 0 && k < 0.5, "fermions.kappa", "must be in (0, 0.5)", Arrays.toString(kappas));
                }
                require(flavours.length == kappas.length, "fermions.flavours", "must give one flavour count per kappa "
                        + Arrays.toString(kappas), Arrays.toString(flavours));
                for (int f : flavours) {
                    require(f == 2, "fermions.flavours", "Wilson species are Nf = 2 (one pseudofermion with M†M); "
                            + "each entry must be 2", Arrays.toString(flavours));
                }
                require(hasenbuschKappa == 0 || (kappas.length == 1 && hasenbuschKappa > 0
                                && hasenbuschKappa < kappas[0]), "fermions.hasenbusch-kappa",
                        "must be 0 (off) or, with one kappa, in (0, kappa) (a heavier quark)", hasenbuschKappa);
                require(cSw >= 0 && cSw < 100, "fermions.csw", "must be in [0, 100)", cSw);
                require(cSw == 0 || hasenbuschKappa == 0, "fermions.hasenbusch-kappa",
                        "Hasenbusch preconditioning is not available with a clover term yet; must be 0 when fermions.csw > 0",
                        hasenbuschKappa);
            }
            return new FermionConfig(this);
        }

        static void require(boolean ok, String key, String rule, Object value) {
            if (!ok) throw new IllegalArgumentException(key + ": " + rule + ", got " + value);
        }
    }
}
