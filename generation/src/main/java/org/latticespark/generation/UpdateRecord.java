package org.latticespark.generation;

/**
 * What one update (a heatbath sweep, an HMC trajectory or a flow proposal) reports. For heatbath ΔH = 0 and
 * accepted = true; solverIterations counts the Krylov iterations of the update (0 without fermions).
 * {@code plaquette} is the average plaquette of a gauge field, the action per site S/V of a scalar field.
 * {@code logWeight} is log w = −S − log q of a flow proposal (NaN for the other samplers); for an independence
 * Metropolis–Hastings step ΔH = log w(current) − log w(proposal), so e^{−ΔH} is the acceptance ratio.
 */
public record UpdateRecord(long index, double deltaH, boolean accepted, double plaquette, long solverIterations,
                           double logWeight) implements java.io.Serializable {
    public UpdateRecord(long index, double deltaH, boolean accepted, double plaquette, long solverIterations) {
        this(index, deltaH, accepted, plaquette, solverIterations, Double.NaN);
    }

    public UpdateRecord(long index, double deltaH, boolean accepted, double plaquette) {
        this(index, deltaH, accepted, plaquette, 0);
    }
}
