package org.latticespark.measurement.fermion;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The settings of the stochastic chiral-condensate stage ({@link CondensateStage}), configuration keys
 * {@code measure.condensate.*}.
 *
 * <p>Staggered: ⟨ψ̄ψ⟩ = (Nf/4)(1/V) Re tr (D + m)⁻¹ with the mass {@code mass} (> 0) and the flavour count
 * {@code flavours} of the normalisation (> 0). Wilson: (1/V) Re tr M⁻¹, M = 1 − κH, with hopping parameter
 * {@code kappa} (> 0), or M = A − κH with the clover term A of coefficient {@code cSw} when cSw > 0 (cSw ≥ 0 and
 * finite; 0 is plain Wilson). The parameters of the other discretisation are not used and not checked (the
 * factories put NaN there, and cSw = 0 for staggered). {@code vectors} noise vectors with ids 0 … vectors−1 of
 * kind {@code noise} per configuration; each solve to the relative residual {@code tolerance} within {@code maxIterations} iterations or the
 * measurement fails.
 */
public record CondensateSettings(FermionType type, double mass, double flavours, double kappa, double cSw, NoiseKind noise,
        int vectors, double tolerance, int maxIterations) implements Serializable {
    public static final String KEY = "measure.condensate";
    public static final String KEY_TYPE = KEY + ".type";
    public static final String KEY_MASS = KEY + ".mass";
    public static final String KEY_FLAVOURS = KEY + ".flavours";
    public static final String KEY_KAPPA = KEY + ".kappa";
    public static final String KEY_CSW = KEY + ".csw";
    public static final String KEY_NOISE = KEY + ".noise";
    public static final String KEY_VECTORS = KEY + ".vectors";
    public static final String KEY_TOLERANCE = KEY + ".tolerance";
    public static final String KEY_MAX_ITERATIONS = KEY + ".max-iterations";

    /** Most noise vectors per configuration: the noise id is 16 bits ({@link NoiseSource#MAX_NOISE_ID}). */
    public static final int MAX_VECTORS = NoiseSource.MAX_NOISE_ID + 1;

    public CondensateSettings {
        if (type == null) throw new IllegalArgumentException(KEY_TYPE + " must be 'staggered' or 'wilson', got null");
        if (type == FermionType.STAGGERED) {
            requirePositive(KEY_MASS, "staggered mass", mass);
            requirePositive(KEY_FLAVOURS, "number of flavours", flavours);
        } else {
            requirePositive(KEY_KAPPA, "Wilson kappa", kappa);
            requireCsw(KEY_CSW, cSw);
        }
        if (noise == null) {
            throw new IllegalArgumentException(KEY_NOISE + " must be one of " + Arrays.toString(NoiseKind.values())
                    + ", got null");
        }
        if (vectors < 1 || vectors > MAX_VECTORS) {
            throw new IllegalArgumentException(KEY_VECTORS + " must be in [1, " + MAX_VECTORS + "], got " + vectors);
        }
        requireTolerance(KEY_TOLERANCE, tolerance);
        requireIterations(KEY_MAX_ITERATIONS, maxIterations);
    }

    /** Staggered settings (κ unused). */
    public static CondensateSettings staggered(double mass, double flavours, NoiseKind noise, int vectors,
            double tolerance, int maxIterations) {
        return new CondensateSettings(FermionType.STAGGERED, mass, flavours, Double.NaN, 0, noise, vectors, tolerance,
                maxIterations);
    }

    /** Wilson settings without clover (mass and flavours unused). */
    public static CondensateSettings wilson(double kappa, NoiseKind noise, int vectors, double tolerance,
            int maxIterations) {
        return wilson(kappa, 0, noise, vectors, tolerance, maxIterations);
    }

    /** Wilson-clover settings, M = A − κH with clover coefficient {@code cSw} (mass and flavours unused). */
    public static CondensateSettings wilson(double kappa, double cSw, NoiseKind noise, int vectors, double tolerance,
            int maxIterations) {
        return new CondensateSettings(FermionType.WILSON, Double.NaN, Double.NaN, kappa, cSw, noise, vectors, tolerance,
                maxIterations);
    }

    static void requireCsw(String key, double cSw) {
        if (!(cSw >= 0) || !Double.isFinite(cSw)) {
            throw new IllegalArgumentException(key + ": clover coefficient must be finite and >= 0, got " + cSw);
        }
    }

    static void requirePositive(String key, String what, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(key + ": " + what + " must be positive and finite, got " + value);
        }
    }

    static void requireTolerance(String key, double tolerance) {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException(key + ": solver tolerance must be in (0, 1), got " + tolerance);
        }
    }

    static void requireIterations(String key, int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException(key + ": maximum solver iterations must be >= 1, got " + maxIterations);
        }
    }
}
