package org.latticespark.generation;

/**
 * What one update (a heatbath sweep or an HMC trajectory) reports. For heatbath ΔH = 0 and
 * accepted = true; solverIterations counts the Krylov iterations of the update (0 without fermions).
 */
public record UpdateRecord(long index, double deltaH, boolean accepted, double plaquette, long solverIterations) {
    public UpdateRecord(long index, double deltaH, boolean accepted, double plaquette) {
        this(index, deltaH, accepted, plaquette, 0);
    }
}
