package org.latticespark.lattice.fermion.wilson;

/**
 * Euclidean Dirac matrices in a chiral basis (γ₅ diagonal): Hermitian, {γ_μ, γ_ν} = 2δ_μν.
 *
 * <p>d = 4 (S = 4 spin components), the DeGrand–Rossi basis used by Chroma/QDP++, μ = 0, 1, 2, 3 = x, y, z, t:
 * <pre>
 * γ₀ = [[0,0,0,i],[0,0,i,0],[0,−i,0,0],[−i,0,0,0]]     γ₁ = [[0,0,0,−1],[0,0,1,0],[0,1,0,0],[−1,0,0,0]]
 * γ₂ = [[0,0,i,0],[0,0,0,−i],[−i,0,0,0],[0,i,0,0]]     γ₃ = [[0,0,1,0],[0,0,0,1],[1,0,0,0],[0,1,0,0]]
 * γ₅ = γ₀γ₁γ₂γ₃ = diag(1, 1, −1, −1)
 * </pre>
 * d = 2 (S = 2): γ₀ = σ₁, γ₁ = σ₂, γ₅ = −i γ₀γ₁ = σ₃ = diag(1, −1).
 *
 * <p>Every γ_μ is block off-diagonal: row s of the upper half (s &lt; S/2) has one non-zero entry, a phase
 * c ∈ {±1, ±i} in column {@link #partner}(μ, s) of the lower half; by Hermiticity row partner(μ, s) has c̄ in
 * column s. The kernel uses this to project onto S/2-component half-spinors. Dense matrices are S×S
 * row-major complex, (re, im) pairs.
 */
public final class GammaBasis {
    private static final double[][] FOUR = {
        dense(4, new int[] {0, 3, 0, 1, 1, 2, 0, 1, 2, 1, 0, -1, 3, 0, 0, -1}),
        dense(4, new int[] {0, 3, -1, 0, 1, 2, 1, 0, 2, 1, 1, 0, 3, 0, -1, 0}),
        dense(4, new int[] {0, 2, 0, 1, 1, 3, 0, -1, 2, 0, 0, -1, 3, 1, 0, 1}),
        dense(4, new int[] {0, 2, 1, 0, 1, 3, 1, 0, 2, 0, 1, 0, 3, 1, 1, 0}),
    };
    private static final double[][] TWO = {
        dense(2, new int[] {0, 1, 1, 0, 1, 0, 1, 0}),
        dense(2, new int[] {0, 1, 0, -1, 1, 0, 0, 1}),
    };

    private final int dimensions;
    private final int spins;
    private final double[][] gammas;
    private final int[] partner;
    private final double[] phaseRe;
    private final double[] phaseIm;

    private GammaBasis(int dimensions, double[][] gammas) {
        this.dimensions = dimensions;
        this.gammas = gammas;
        this.spins = dimensions == 4 ? 4 : 2;
        int half = spins / 2;
        partner = new int[dimensions * half];
        phaseRe = new double[dimensions * half];
        phaseIm = new double[dimensions * half];
        for (int mu = 0; mu < dimensions; mu++) {
            for (int s = 0; s < half; s++) {
                for (int col = half; col < spins; col++) {
                    int at = 2 * (s * spins + col);
                    if (gammas[mu][at] != 0 || gammas[mu][at + 1] != 0) {
                        partner[mu * half + s] = col;
                        phaseRe[mu * half + s] = gammas[mu][at];
                        phaseIm[mu * half + s] = gammas[mu][at + 1];
                    }
                }
            }
        }
    }

    /** The basis for d = 2 or d = 4 (Wilson fermions are not offered in odd d, which has no γ₅). */
    public static GammaBasis of(int dimensions) {
        if (dimensions == 4) return new GammaBasis(4, FOUR);
        if (dimensions == 2) return new GammaBasis(2, TWO);
        throw new IllegalArgumentException("Wilson fermions need d = 2 or d = 4, got d = " + dimensions);
    }

    public int dimensions() { return dimensions; }

    /** Spin components S: 4 in d = 4, 2 in d = 2. */
    public int spins() { return spins; }

    /** γ_μ as a dense S×S complex matrix (a copy). */
    public double[] gamma(int mu) { return gammas[mu].clone(); }

    /** γ₅ = diag(1, …, 1, −1, …, −1): +1 on the upper S/2 spin components. */
    public double[] gamma5() {
        double[] g = new double[2 * spins * spins];
        for (int s = 0; s < spins; s++) g[2 * (s * spins + s)] = s < spins / 2 ? 1 : -1;
        return g;
    }

    /** The lower-half column of the one non-zero entry of row s (s &lt; S/2) of γ_μ. */
    public int partner(int mu, int s) { return partner[mu * (spins / 2) + s]; }

    /** Real part of that entry. */
    public double phaseRe(int mu, int s) { return phaseRe[mu * (spins / 2) + s]; }

    /** Imaginary part of that entry. */
    public double phaseIm(int mu, int s) { return phaseIm[mu * (spins / 2) + s]; }

    /** out = γ₅ in for a field of (site, spin, colour, re/im) with the given number of colours; out may be in. */
    public void applyGamma5(int colours, double[] in, double[] out) {
        int block = 2 * colours * spins / 2;
        for (int base = 0; base < in.length; base += 2 * block) {
            for (int j = 0; j < block; j++) {
                out[base + j] = in[base + j];
                out[base + block + j] = -in[base + block + j];
            }
        }
    }

    /** entries: (row, col, re, im) quadruples of the non-zero elements. */
    private static double[] dense(int spins, int[] entries) {
        double[] m = new double[2 * spins * spins];
        for (int e = 0; e < entries.length; e += 4) {
            int at = 2 * (entries[e] * spins + entries[e + 1]);
            m[at] = entries[e + 2];
            m[at + 1] = entries[e + 3];
        }
        return m;
    }
}
