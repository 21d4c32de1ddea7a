package org.latticespark.generation.heatbath;

/**
 * The SU(2) subgroup acting on rows/columns (i, j) of an N×N matrix (Cabibbo–Marinari). SU(2)
 * elements are quaternions q ↔ q0 + i q·σ = [[q0 + i q3, q2 + i q1], [−q2 + i q1, q0 − i q3]].
 */
final class Su2Subgroup {
    private Su2Subgroup() {}

    /**
     * The quaternion part of the 2×2 block (i, j) of W: Re tr(r W) = Re tr(r a) for every SU(2)
     * element r embedded at (i, j). Writes (a0, a1, a2, a3) to q.
     */
    static void project(int n, double[] w, int wo, int i, int j, double[] q) {
        int ii = wo + 2 * (i * n + i), ij = wo + 2 * (i * n + j);
        int ji = wo + 2 * (j * n + i), jj = wo + 2 * (j * n + j);
        q[0] = 0.5 * (w[ii] + w[jj]);
        q[3] = 0.5 * (w[ii + 1] - w[jj + 1]);
        q[1] = 0.5 * (w[ij + 1] + w[ji + 1]);
        q[2] = 0.5 * (w[ij] - w[ji]);
    }

    /** c = a b for quaternions. */
    static void multiply(double[] a, double[] b, double[] c) {
        double c0 = a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3];
        double c1 = a[0] * b[1] + b[0] * a[1] - (a[2] * b[3] - a[3] * b[2]);
        double c2 = a[0] * b[2] + b[0] * a[2] - (a[3] * b[1] - a[1] * b[3]);
        double c3 = a[0] * b[3] + b[0] * a[3] - (a[1] * b[2] - a[2] * b[1]);
        c[0] = c0;
        c[1] = c1;
        c[2] = c2;
        c[3] = c3;
    }

    /** Rows i and j of M (N×N) are replaced by r applied from the left. */
    static void leftMultiply(int n, double[] r, double[] m, int mo, int i, int j) {
        double r00r = r[0], r00i = r[3], r01r = r[2], r01i = r[1];
        double r10r = -r[2], r10i = r[1], r11r = r[0], r11i = -r[3];
        for (int k = 0; k < n; k++) {
            int a = mo + 2 * (i * n + k), b = mo + 2 * (j * n + k);
            double ar = m[a], ai = m[a + 1], br = m[b], bi = m[b + 1];
            m[a] = r00r * ar - r00i * ai + r01r * br - r01i * bi;
            m[a + 1] = r00r * ai + r00i * ar + r01r * bi + r01i * br;
            m[b] = r10r * ar - r10i * ai + r11r * br - r11i * bi;
            m[b + 1] = r10r * ai + r10i * ar + r11r * bi + r11i * br;
        }
    }
}
