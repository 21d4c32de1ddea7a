package org.latticespark.measurement.fermion;

import org.latticespark.lattice.solver.SolverResult;

/**
 * One noise vector's estimate of a condensate, with the solve behind it.
 *
 * @param noiseId the noise vector's id ({@link NoiseSource} key), or −1 for a source given directly
 * @param value   the normalised estimate, e.g. (Nf/4)(1/V) Re η†(D + m)⁻¹η for staggered fermions
 * @param solver  the solve of the (even–odd reduced) system, its iterations and true relative residual
 */
public record NoiseEstimate(int noiseId, double value, SolverResult solver) {}
