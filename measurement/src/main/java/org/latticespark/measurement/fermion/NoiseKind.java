package org.latticespark.measurement.fermion;

/**
 * The distribution of the components of a stochastic source η. Every kind has independent components with
 * E[η_i] = 0 and E[η_i η_j*] = δ_ij, so E[η† B η] = tr B for any matrix B.
 */
public enum NoiseKind {
    /** Real ±1 with probability ½ each (imaginary part 0). */
    Z2,
    /** Uniform on {1, i, −1, −i}. */
    Z4,
    /** Complex Gaussian: real and imaginary parts independent N(0, ½), so E|η|² = 1 and E[η²] = 0. */
    GAUSSIAN
}
