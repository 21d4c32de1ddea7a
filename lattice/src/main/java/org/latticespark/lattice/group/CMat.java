package org.latticespark.lattice.group;

/**
 * N×N complex matrices stored row-major as (re, im) pairs inside flat double arrays at an offset.
 * Outputs must not alias inputs unless a method says so.
 */
public final class CMat {
    private CMat() {}

    public static void identity(int n, double[] c, int co) {
        java.util.Arrays.fill(c, co, co + 2 * n * n, 0.0);
        for (int i = 0; i < n; i++) c[co + 2 * (i * n + i)] = 1.0;
    }

    public static void zero(int n, double[] c, int co) {
        java.util.Arrays.fill(c, co, co + 2 * n * n, 0.0);
    }

    public static void copy(int n, double[] a, int ao, double[] c, int co) {
        System.arraycopy(a, ao, c, co, 2 * n * n);
    }

    /** C = A B. */
    public static void mul(int n, double[] a, int ao, double[] b, int bo, double[] c, int co) {
        if (n == 3) {
            CMat3.mul(a, ao, b, bo, c, co);
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = 0, im = 0;
                for (int k = 0; k < n; k++) {
                    int x = ao + 2 * (i * n + k), y = bo + 2 * (k * n + j);
                    re += a[x] * b[y] - a[x + 1] * b[y + 1];
                    im += a[x] * b[y + 1] + a[x + 1] * b[y];
                }
                c[co + 2 * (i * n + j)] = re;
                c[co + 2 * (i * n + j) + 1] = im;
            }
        }
    }

    /** C = A B†. */
    public static void mulNA(int n, double[] a, int ao, double[] b, int bo, double[] c, int co) {
        if (n == 3) {
            CMat3.mulNA(a, ao, b, bo, c, co);
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = 0, im = 0;
                for (int k = 0; k < n; k++) {
                    int x = ao + 2 * (i * n + k), y = bo + 2 * (j * n + k);
                    re += a[x] * b[y] + a[x + 1] * b[y + 1];
                    im += a[x + 1] * b[y] - a[x] * b[y + 1];
                }
                c[co + 2 * (i * n + j)] = re;
                c[co + 2 * (i * n + j) + 1] = im;
            }
        }
    }

    /** C = A† B. */
    public static void mulAN(int n, double[] a, int ao, double[] b, int bo, double[] c, int co) {
        if (n == 3) {
            CMat3.mulAN(a, ao, b, bo, c, co);
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = 0, im = 0;
                for (int k = 0; k < n; k++) {
                    int x = ao + 2 * (k * n + i), y = bo + 2 * (k * n + j);
                    re += a[x] * b[y] + a[x + 1] * b[y + 1];
                    im += a[x] * b[y + 1] - a[x + 1] * b[y];
                }
                c[co + 2 * (i * n + j)] = re;
                c[co + 2 * (i * n + j) + 1] = im;
            }
        }
    }

    /** C = A† B†. */
    public static void mulAA(int n, double[] a, int ao, double[] b, int bo, double[] c, int co) {
        if (n == 3) {
            CMat3.mulAA(a, ao, b, bo, c, co);
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = 0, im = 0;
                for (int k = 0; k < n; k++) {
                    int x = ao + 2 * (k * n + i), y = bo + 2 * (j * n + k);
                    re += a[x] * b[y] - a[x + 1] * b[y + 1];
                    im -= a[x] * b[y + 1] + a[x + 1] * b[y];
                }
                c[co + 2 * (i * n + j)] = re;
                c[co + 2 * (i * n + j) + 1] = im;
            }
        }
    }

    /** C += A. */
    public static void addTo(int n, double[] a, int ao, double[] c, int co) {
        for (int i = 0; i < 2 * n * n; i++) c[co + i] += a[ao + i];
    }

    public static void dagger(int n, double[] a, int ao, double[] c, int co) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[co + 2 * (j * n + i)] = a[ao + 2 * (i * n + j)];
                c[co + 2 * (j * n + i) + 1] = -a[ao + 2 * (i * n + j) + 1];
            }
        }
    }

    public static double reTrace(int n, double[] a, int ao) {
        double s = 0;
        for (int i = 0; i < n; i++) s += a[ao + 2 * (i * n + i)];
        return s;
    }

    public static double imTrace(int n, double[] a, int ao) {
        double s = 0;
        for (int i = 0; i < n; i++) s += a[ao + 2 * (i * n + i) + 1];
        return s;
    }

    /** Re tr(A B†) without forming the product. */
    public static double reTraceMulNA(int n, double[] a, int ao, double[] b, int bo) {
        double s = 0;
        for (int i = 0; i < 2 * n * n; i += 2) s += a[ao + i] * b[bo + i] + a[ao + i + 1] * b[bo + i + 1];
        return s;
    }

    /** Re tr(A B). */
    public static double reTraceMul(int n, double[] a, int ao, double[] b, int bo) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                int x = ao + 2 * (i * n + k), y = bo + 2 * (k * n + i);
                s += a[x] * b[y] - a[x + 1] * b[y + 1];
            }
        }
        return s;
    }

    /** max |(A A† − 1)_ij|. */
    public static double unitarityDeviation(int n, double[] a, int ao) {
        double[] p = new double[2 * n * n];
        mulNA(n, a, ao, a, ao, p, 0);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = p[2 * (i * n + j)] - (i == j ? 1 : 0);
                double im = p[2 * (i * n + j) + 1];
                worst = Math.max(worst, Math.hypot(re, im));
            }
        }
        return worst;
    }

    /** Determinant by Gaussian elimination with partial pivoting; returns {re, im}. */
    public static double[] det(int n, double[] a, int ao) {
        double[] m = new double[2 * n * n];
        System.arraycopy(a, ao, m, 0, 2 * n * n);
        double dr = 1, di = 0;
        for (int col = 0; col < n; col++) {
            int piv = col;
            double best = -1;
            for (int r = col; r < n; r++) {
                double mag = Math.hypot(m[2 * (r * n + col)], m[2 * (r * n + col) + 1]);
                if (mag > best) { best = mag; piv = r; }
            }
            if (best == 0) return new double[] {0, 0};
            if (piv != col) {
                for (int k = 0; k < 2 * n; k++) {
                    double t = m[2 * col * n + k];
                    m[2 * col * n + k] = m[2 * piv * n + k];
                    m[2 * piv * n + k] = t;
                }
                dr = -dr;
                di = -di;
            }
            double pr = m[2 * (col * n + col)], pi = m[2 * (col * n + col) + 1];
            double nr = dr * pr - di * pi;
            di = dr * pi + di * pr;
            dr = nr;
            double pden = pr * pr + pi * pi;
            for (int r = col + 1; r < n; r++) {
                double er = m[2 * (r * n + col)], ei = m[2 * (r * n + col) + 1];
                double fr = (er * pr + ei * pi) / pden, fi = (ei * pr - er * pi) / pden;
                for (int k = col; k < n; k++) {
                    double xr = m[2 * (col * n + k)], xi = m[2 * (col * n + k) + 1];
                    m[2 * (r * n + k)] -= fr * xr - fi * xi;
                    m[2 * (r * n + k) + 1] -= fr * xi + fi * xr;
                }
            }
        }
        return new double[] {dr, di};
    }
}
