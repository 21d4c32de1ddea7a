package org.latticespark.spark.config;

import java.io.Serializable;
import java.util.Locale;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.FermionConfig;
import org.latticespark.measurement.fermion.FermionType;

/**
 * The quark of a fermionic measurement ({@code measure.<stage>.type, mass, flavours, kappa, csw}), as configured: the
 * type "sea" (the default) and unset numbers (NaN) are taken from each ensemble's first sea-quark species, so a
 * dynamical ensemble is measured at its own quark mass (valence = sea) without repeating it.
 */
public record ValenceQuark(String stage, String type, double mass, double flavours, double kappa, double cSw)
        implements Serializable {
    public static final String SEA = "sea";

    /** The valence quark on {@code ensemble}: type, staggered mass and flavour count, or Wilson κ and c_SW. */
    public Resolved resolve(ChainConfig ensemble) {
        FermionConfig sea = ensemble.fermions;
        String prefix = "measure." + stage + ".";
        FermionType t;
        if (SEA.equals(type)) {
            if (!sea.dynamical()) {
                throw new IllegalArgumentException(prefix + "type: ensemble '" + ensemble.ensemble + "' is quenched, so "
                        + "there is no sea quark to measure with; give " + prefix + "type (staggered or wilson) and "
                        + prefix + "mass or " + prefix + "kappa");
            }
            t = sea.type == FermionConfig.Type.STAGGERED ? FermionType.STAGGERED : FermionType.WILSON;
        } else {
            t = FermionType.parse(prefix + "type", type);
        }
        boolean seaStaggered = sea.type == FermionConfig.Type.STAGGERED;
        boolean seaWilson = sea.type == FermionConfig.Type.WILSON;
        if (t == FermionType.STAGGERED) {
            double m = !Double.isNaN(mass) ? mass : seaStaggered ? sea.masses[0] : missing(prefix + "mass", ensemble);
            double nf = !Double.isNaN(flavours) ? flavours
                    : seaStaggered ? sea.flavours[0] : FermionConfig.tastes(ensemble.extents.length);
            return new Resolved(t, m, nf, Double.NaN, 0);
        }
        double k = !Double.isNaN(kappa) ? kappa : seaWilson ? sea.kappas[0] : missing(prefix + "kappa", ensemble);
        double c = !Double.isNaN(cSw) ? cSw : seaWilson ? sea.cSw : 0;
        return new Resolved(t, Double.NaN, Double.NaN, k, c);
    }

    private static double missing(String key, ChainConfig ensemble) {
        throw new IllegalArgumentException(key + ": missing; ensemble '" + ensemble.ensemble + "' has no sea quark of "
                + "that type to take it from");
    }

    /** A valence quark with every number known. */
    public record Resolved(FermionType type, double mass, double flavours, double kappa, double cSw)
            implements Serializable {
        @Override
        public String toString() {
            return type == FermionType.STAGGERED
                    ? String.format(Locale.ROOT, "staggered m=%s Nf=%s", mass, flavours)
                    : String.format(Locale.ROOT, "wilson kappa=%s csw=%s", kappa, cSw);
        }
    }
}
