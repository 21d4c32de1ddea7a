package org.latticespark.analysis;

import java.util.Arrays;

/** One observable's fluctuations on one ensemble: δ_r(i) per replica and the configuration index of each sample. */
final class Fluctuations {
    final double[][] deltas;
    final long[][] indices;

    Fluctuations(double[][] deltas, long[][] indices) {
        this.deltas = deltas;
        this.indices = indices;
    }

    /** sum += c · δ, replica by replica. */
    void addScaled(double c, double[][] sum) {
        for (int r = 0; r < deltas.length; r++) {
            double[] d = deltas[r];
            double[] s = sum[r];
            for (int i = 0; i < d.length; i++) {
                s[i] += c * d[i];
            }
        }
    }

    void requireSameSamples(Fluctuations other, String ensemble, int input) {
        if (other.deltas.length != deltas.length) {
            throw new IllegalArgumentException("ensemble " + ensemble + ": input " + input + " has "
                    + other.deltas.length + " replicas, an earlier input " + deltas.length
                    + "; observables combined must be measured on the same chains");
        }
        for (int r = 0; r < deltas.length; r++) {
            if (!Arrays.equals(indices[r], other.indices[r])) {
                throw new IllegalArgumentException("ensemble " + ensemble + ", replica " + r + ": input " + input
                        + " was measured on other configurations (" + describe(other.indices[r]) + ") than an earlier"
                        + " input (" + describe(indices[r]) + "); observables combined must share their samples");
            }
        }
    }

    private static String describe(long[] idx) {
        return idx.length == 0 ? "none" : idx.length + " samples, indices " + idx[0] + ".." + idx[idx.length - 1];
    }
}
