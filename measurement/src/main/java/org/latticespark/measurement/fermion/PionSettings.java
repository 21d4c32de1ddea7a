package org.latticespark.measurement.fermion;

import java.io.Serializable;

/**
 * The settings of the point-source pion correlator stage ({@link PionStage}), configuration keys
 * {@code measure.pion.*}: the discretisation, the staggered mass m (> 0) of M = D + m or the Wilson hopping
 * parameter κ (> 0) of M = 1 − κH and its clover coefficient c_SW (≥ 0; M = A − κH when &gt; 0) (the other
 * discretisation's parameters are not used and not checked; the factories put NaN there), and
 * the relative residual and iteration limit every propagator solve must meet.
 */
public record PionSettings(FermionType type, double mass, double kappa, double cSw, double tolerance, int maxIterations)
        implements Serializable {
    public static final String KEY = "measure.pion";
    public static final String KEY_TYPE = KEY + ".type";
    public static final String KEY_MASS = KEY + ".mass";
    public static final String KEY_KAPPA = KEY + ".kappa";
    public static final String KEY_CSW = KEY + ".csw";
    public static final String KEY_TOLERANCE = KEY + ".tolerance";
    public static final String KEY_MAX_ITERATIONS = KEY + ".max-iterations";

    public PionSettings {
        if (type == null) throw new IllegalArgumentException(KEY_TYPE + " must be 'staggered' or 'wilson', got null");
        if (type == FermionType.STAGGERED) {
            CondensateSettings.requirePositive(KEY_MASS, "staggered mass", mass);
        } else {
            CondensateSettings.requirePositive(KEY_KAPPA, "Wilson kappa", kappa);
            CondensateSettings.requireCsw(KEY_CSW, cSw);
        }
        CondensateSettings.requireTolerance(KEY_TOLERANCE, tolerance);
        CondensateSettings.requireIterations(KEY_MAX_ITERATIONS, maxIterations);
    }

    /** Staggered settings (κ unused). */
    public static PionSettings staggered(double mass, double tolerance, int maxIterations) {
        return new PionSettings(FermionType.STAGGERED, mass, Double.NaN, 0, tolerance, maxIterations);
    }

    /** Wilson settings without clover (mass unused). */
    public static PionSettings wilson(double kappa, double tolerance, int maxIterations) {
        return wilson(kappa, 0, tolerance, maxIterations);
    }

    /** Wilson-clover settings (mass unused). */
    public static PionSettings wilson(double kappa, double cSw, double tolerance, int maxIterations) {
        return new PionSettings(FermionType.WILSON, Double.NaN, kappa, cSw, tolerance, maxIterations);
    }
}
