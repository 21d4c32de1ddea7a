package org.latticespark.analysis;

import java.util.Map;

/**
 * The Γ-method analysis of an {@link Obs}.
 *
 * @param value      the observable's central value
 * @param error      total error: the per-ensemble errors added in quadrature
 * @param errorOfError error of {@code error}, combined as pyerrors' {@code ddvalue}:
 *                   sqrt(Σ_e (σ_e · δσ_e)²) / σ (0 when σ = 0)
 * @param byEnsemble per ensemble (sorted by name): its Γ-method result (error, τ_int, window, ρ)
 */
public record ObsResult(double value, double error, double errorOfError, Map<String, GammaResult> byEnsemble) {
    /** The result on one ensemble. */
    public GammaResult on(String ensemble) {
        GammaResult g = byEnsemble.get(ensemble);
        if (g == null) {
            throw new IllegalArgumentException("the observable does not depend on ensemble " + ensemble
                    + "; it depends on " + byEnsemble.keySet());
        }
        return g;
    }
}
