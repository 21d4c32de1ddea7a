package org.latticespark.analysis.resample;

/**
 * Bin means of every observable for one bin size: each replica is cut into floor(N_r / b) bins of b
 * consecutive samples, its trailing N_r mod b samples are dropped, and bins never straddle replicas.
 */
final class Bins {
    private final int size;
    /** [observable][bins of all replicas concatenated]. */
    private final double[][] means;
    /** Replica r owns bins start[r] .. start[r + 1] - 1. */
    private final int[] start;
    private final double[] overall;

    private Bins(int size, double[][] means, int[] start) {
        this.size = size;
        this.means = means;
        this.start = start;
        this.overall = new double[means.length];
        for (int a = 0; a < means.length; a++) {
            overall[a] = Moments.mean(means[a]);
        }
    }

    /**
     * @throws IllegalArgumentException if binSize &lt; 1, exceeds a replica's length, or gives fewer than 2 bins
     */
    static Bins of(Samples samples, int binSize) {
        int count = count(samples, binSize);
        int[] start = new int[samples.replicas() + 1];
        for (int r = 0; r < samples.replicas(); r++) {
            start[r + 1] = start[r] + samples.length(r) / binSize;
        }
        double[][] means = new double[samples.observables()][count];
        for (int a = 0; a < means.length; a++) {
            double[] series = samples.concatenated(a);
            for (int r = 0; r < samples.replicas(); r++) {
                int first = samples.start(r);
                for (int k = start[r]; k < start[r + 1]; k++) {
                    int from = first + (k - start[r]) * binSize;
                    double sum = 0;
                    for (int i = from; i < from + binSize; i++) {
                        sum += series[i];
                    }
                    means[a][k] = sum / binSize;
                }
            }
        }
        return new Bins(binSize, means, start);
    }

    /** Total number of bins for this bin size, after checking that it is usable. */
    static int count(Samples samples, int binSize) {
        if (binSize < 1) {
            throw new IllegalArgumentException("bin size must be >= 1, got " + binSize);
        }
        int count = 0;
        for (int r = 0; r < samples.replicas(); r++) {
            if (binSize > samples.length(r)) {
                throw new IllegalArgumentException("bin size " + binSize + " exceeds the length "
                        + samples.length(r) + " of replica " + r + ", which would give no bin");
            }
            count += samples.length(r) / binSize;
        }
        if (count < 2) {
            throw new IllegalArgumentException("bin size " + binSize + " leaves " + count + " bin(s) from "
                    + samples.total() + " samples; need at least 2 bins");
        }
        return count;
    }

    int size() {
        return size;
    }

    int observables() {
        return means.length;
    }

    int count() {
        return means[0].length;
    }

    int replicas() {
        return start.length - 1;
    }

    /** First bin of replica r; {@code start(replicas())} is the total count. */
    int start(int replica) {
        return start[replica];
    }

    /** Bin means of one observable, all replicas concatenated. Not copied: do not modify. */
    double[] means(int observable) {
        return means[observable];
    }

    /** Mean over all bins of every observable (a fresh array). */
    double[] overall() {
        return overall.clone();
    }

    double overall(int observable) {
        return overall[observable];
    }
}
