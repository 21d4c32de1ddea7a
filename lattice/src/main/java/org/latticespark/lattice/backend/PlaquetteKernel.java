package org.latticespark.lattice.backend;

import com.aparapi.Kernel;

/**
 * One work item per site: out[n] = Σ_{μ<ν} Re tr U_μν(n) for N×N links in ILDG order.
 *
 * <p>Uses Re tr(A B†) = Σ_ij Re(A_ij conj(B_ij)) with A = U_μ(n) U_ν(n+μ) and B = U_ν(n) U_μ(n+ν),
 * each element formed on the fly, so no private arrays are needed for any N. Values agree with
 * {@code Plaquettes.atSite} up to rounding, not bitwise: CMat may associate the products differently
 * (its unrolled SU(3) code does), and OpenCL may contract x*y+z to an FMA.
 */
final class PlaquetteKernel extends Kernel {
    private int n;
    private int nd;
    private double[] links = new double[1];
    private int[] up = new int[1];
    private double[] out = new double[1];

    /** Sets the colour count, dimension and arrays; the arrays are read (links, up) and written (out) in place. */
    void bind(int colours, int dimensions, double[] links, int[] up, double[] out) {
        this.n = colours;
        this.nd = dimensions;
        this.links = links;
        this.up = up;
        this.out = out;
    }

    @Override
    public void run() {
        int site = getGlobalId();
        int ms = 2 * n * n;
        double s = 0;
        for (int mu = 0; mu < nd; mu++) {
            int uMu = (site * nd + mu) * ms;
            int plusMu = up[site * nd + mu];
            for (int nu = mu + 1; nu < nd; nu++) {
                int uNuPlusMu = (plusMu * nd + nu) * ms;
                int uNu = (site * nd + nu) * ms;
                int uMuPlusNu = (up[site * nd + nu] * nd + mu) * ms;
                double plane = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double aRe = 0;
                        double aIm = 0;
                        double bRe = 0;
                        double bIm = 0;
                        for (int k = 0; k < n; k++) {
                            int x = 2 * (i * n + k);
                            int y = 2 * (k * n + j);
                            aRe += links[uMu + x] * links[uNuPlusMu + y] - links[uMu + x + 1] * links[uNuPlusMu + y + 1];
                            aIm += links[uMu + x] * links[uNuPlusMu + y + 1] + links[uMu + x + 1] * links[uNuPlusMu + y];
                            bRe += links[uNu + x] * links[uMuPlusNu + y] - links[uNu + x + 1] * links[uMuPlusNu + y + 1];
                            bIm += links[uNu + x] * links[uMuPlusNu + y + 1] + links[uNu + x + 1] * links[uMuPlusNu + y];
                        }
                        plane += aRe * bRe + aIm * bIm;
                    }
                }
                s += plane;
            }
        }
        out[site] = s;
    }
}
