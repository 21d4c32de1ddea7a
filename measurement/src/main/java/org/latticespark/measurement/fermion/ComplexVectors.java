package org.latticespark.measurement.fermion;

/** Small helpers on flat complex vectors ((re, im) pairs). */
final class ComplexVectors {
    private ComplexVectors() {}

    /** Re a†b, summed in index order (deterministic). */
    static double reDot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) s += a[j] * b[j];
        return s;
    }

    /** Refuses a null source, a wrong length or a non-finite or all-zero component set. */
    static void checkSource(double[] eta, int length) {
        if (eta == null) throw new IllegalArgumentException("source vector must not be null");
        if (eta.length != length) {
            throw new IllegalArgumentException("source vector has " + eta.length + " doubles, expected " + length);
        }
        boolean nonZero = false;
        for (int j = 0; j < eta.length; j++) {
            if (!Double.isFinite(eta[j])) {
                throw new IllegalArgumentException("source vector has a non-finite entry " + eta[j] + " at " + j);
            }
            nonZero |= eta[j] != 0;
        }
        if (!nonZero) throw new IllegalArgumentException("source vector is zero");
    }

    /** Copies the sites listed in {@code sites} (each {@code stride} doubles) of a full field into a half field. */
    static void gather(double[] full, int[] sites, int stride, double[] half) {
        for (int i = 0; i < sites.length; i++) System.arraycopy(full, sites[i] * stride, half, i * stride, stride);
    }
}
