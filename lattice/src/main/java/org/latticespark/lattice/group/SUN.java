package org.latticespark.lattice.group;

import org.latticespark.lattice.random.CounterRng;

/**
 * SU(N) with the generalised Gell-Mann generators, ordered: for each pair j &lt; k the symmetric
 * (E_jk + E_kj)/2 then the antisymmetric (−iE_jk + iE_kj)/2, then the N−1 diagonal ones
 * diag(1,…,1,−l,0,…)/√(2l(l+1)). For N = 2 this is σ₁/2, σ₂/2, σ₃/2.
 */
public class SUN extends GaugeGroup {
    private static final long serialVersionUID = 1L;

    private final double[][] diagonal;

    public SUN(int n) {
        super(n);
        if (n < 2) throw new IllegalArgumentException("SU(N) needs N >= 2");
        diagonal = new double[n - 1][n];
        for (int l = 1; l < n; l++) {
            double norm = 1.0 / Math.sqrt(2.0 * l * (l + 1));
            for (int m = 0; m < l; m++) diagonal[l - 1][m] = norm;
            diagonal[l - 1][l] = -l * norm;
        }
    }

    @Override
    public String name() { return "SU" + n; }

    @Override
    public final int algebraDimension() { return n * n - 1; }

    @Override
    public final void algebraToMatrix(double[] p, int po, double scale, double[] h, int ho) {
        CMat.zero(n, h, ho);
        int a = po;
        for (int j = 0; j < n; j++) {
            for (int k = j + 1; k < n; k++) {
                double sym = 0.5 * scale * p[a++];
                double anti = 0.5 * scale * p[a++];
                int jk = ho + 2 * (j * n + k), kj = ho + 2 * (k * n + j);
                h[jk] = sym;
                h[jk + 1] = -anti;
                h[kj] = sym;
                h[kj + 1] = anti;
            }
        }
        for (int l = 0; l < n - 1; l++) {
            double c = scale * p[a++];
            for (int m = 0; m <= l + 1; m++) h[ho + 2 * (m * n + m)] += c * diagonal[l][m];
        }
    }

    @Override
    public final void imTraceGenerators(double[] w, int wo, double scale, double[] out, int oo) {
        int a = oo;
        for (int j = 0; j < n; j++) {
            for (int k = j + 1; k < n; k++) {
                int jk = wo + 2 * (j * n + k), kj = wo + 2 * (k * n + j);
                out[a++] = 0.5 * scale * (w[kj + 1] + w[jk + 1]);
                out[a++] = 0.5 * scale * (w[jk] - w[kj]);
            }
        }
        for (int l = 0; l < n - 1; l++) {
            double s = 0;
            for (int m = 0; m <= l + 1; m++) s += diagonal[l][m] * w[wo + 2 * (m * n + m) + 1];
            out[a++] = scale * s;
        }
    }

    @Override
    public void expI(double[] p, int po, double eps, double[] out, int oo) {
        double[] h = new double[matrixSize()];
        algebraToMatrix(p, po, eps, h, 0);
        expIHermitian(n, h, out, oo);
    }

    /**
     * exp(iH) for Hermitian H by scaling and squaring of the Taylor series, summed to round-off:
     * exact to machine precision for any N and any norm.
     */
    static void expIHermitian(int n, double[] h, double[] out, int oo) {
        int size = 2 * n * n;
        double norm = 0;
        for (int i = 0; i < size; i++) norm += h[i] * h[i];
        norm = Math.sqrt(norm);
        int squarings = 0;
        while (norm > 0.25) {
            norm *= 0.5;
            squarings++;
        }
        double scale = Math.scalb(1.0, -squarings);
        double[] x = new double[size];
        for (int i = 0; i < size; i += 2) {
            x[i] = -scale * h[i + 1];
            x[i + 1] = scale * h[i];
        }
        double[] term = new double[size];
        double[] next = new double[size];
        double[] sum = new double[size];
        CMat.identity(n, term, 0);
        CMat.identity(n, sum, 0);
        for (int k = 1; k < 30; k++) {
            CMat.mul(n, term, 0, x, 0, next, 0);
            double tnorm = 0;
            for (int i = 0; i < size; i++) {
                next[i] /= k;
                sum[i] += next[i];
                tnorm += Math.abs(next[i]);
            }
            double[] t = term;
            term = next;
            next = t;
            if (tnorm < 1e-18) break;
        }
        for (int s = 0; s < squarings; s++) {
            CMat.mul(n, sum, 0, sum, 0, next, 0);
            double[] t = sum;
            sum = next;
            next = t;
        }
        System.arraycopy(sum, 0, out, oo, size);
    }

    @Override
    public void project(double[] u, int uo) {
        gramSchmidtRows(n, n, u, uo);
        fixDeterminant(u, uo);
    }

    /** Haar measure: Gram–Schmidt (QR with positive diagonal) of a complex Gaussian matrix. */
    @Override
    public void haar(CounterRng rng, double[] out, int oo) {
        for (int i = 0; i < matrixSize(); i++) out[oo + i] = rng.gaussian();
        gramSchmidtRows(n, n, out, oo);
        fixDeterminant(out, oo);
    }

    /** Orthonormalises the first {@code rows} rows in place. */
    static void gramSchmidtRows(int n, int rows, double[] u, int uo) {
        for (int r = 0; r < rows; r++) {
            int ro = uo + 2 * r * n;
            for (int q = 0; q < r; q++) {
                int qo = uo + 2 * q * n;
                double pr = 0, pi = 0;
                for (int k = 0; k < 2 * n; k += 2) {
                    pr += u[qo + k] * u[ro + k] + u[qo + k + 1] * u[ro + k + 1];
                    pi += u[qo + k] * u[ro + k + 1] - u[qo + k + 1] * u[ro + k];
                }
                for (int k = 0; k < 2 * n; k += 2) {
                    u[ro + k] -= pr * u[qo + k] - pi * u[qo + k + 1];
                    u[ro + k + 1] -= pr * u[qo + k + 1] + pi * u[qo + k];
                }
            }
            double norm = 0;
            for (int k = 0; k < 2 * n; k++) norm += u[ro + k] * u[ro + k];
            double inv = 1.0 / Math.sqrt(norm);
            for (int k = 0; k < 2 * n; k++) u[ro + k] *= inv;
        }
    }

    /** Multiplies a U(N) matrix by det^{-1/N} so that det = 1. */
    private void fixDeterminant(double[] u, int uo) {
        double[] d = CMat.det(n, u, uo);
        double phi = -StrictMath.atan2(d[1], d[0]) / n;
        double c = StrictMath.cos(phi), s = StrictMath.sin(phi);
        for (int i = 0; i < matrixSize(); i += 2) {
            double re = u[uo + i], im = u[uo + i + 1];
            u[uo + i] = c * re - s * im;
            u[uo + i + 1] = s * re + c * im;
        }
    }
}
