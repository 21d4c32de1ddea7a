package org.latticespark.measurement.fermion;

import java.util.Locale;

/** The lattice fermion discretisation of a fermionic measurement. */
public enum FermionType {
    /** Naive staggered fermions, M = D + m (one field carries 2^{d/2} tastes). */
    STAGGERED,
    /** Wilson fermions, M = 1 − κH, in the chiral DeGrand–Rossi γ basis. */
    WILSON;

    /** The type named {@code name}, case-insensitive; the message names the configuration key {@code key}. */
    public static FermionType parse(String key, String name) {
        if (name != null) {
            for (FermionType t : values()) {
                if (t.name().equals(name.trim().toUpperCase(Locale.ROOT))) return t;
            }
        }
        throw new IllegalArgumentException(key + " must be 'staggered' or 'wilson', got '" + name + "'");
    }
}
