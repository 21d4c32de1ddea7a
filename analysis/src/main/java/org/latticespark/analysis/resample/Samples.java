package org.latticespark.analysis.resample;

/**
 * Validated, copied measurements of one or more observables on the same configurations of one ensemble:
 * value(a, r, i) is observable a on configuration i of replica r. Every observable has the same number of
 * replicas and, replica by replica, the same length; lengths of different replicas may differ.
 * Immutable.
 */
public final class Samples {
    /** [observable][replicas concatenated]: replica r occupies indices start[r] .. start[r + 1] - 1. */
    private final double[][] series;
    private final int[] start;

    private Samples(double[][] series, int[] start) {
        this.series = series;
        this.start = start;
    }

    /**
     * One observable.
     *
     * @param replicas {@code replicas[r][i]}: sample i of replica r
     * @throws IllegalArgumentException for null or empty input, an empty replica or a non-finite value
     */
    public static Samples of(double[][] replicas) {
        if (replicas == null) {
            throw new IllegalArgumentException("replicas must not be null");
        }
        return of(new double[][][] {replicas});
    }

    /**
     * Several observables measured on the same configurations.
     *
     * @param data {@code data[a][r][i]}: observable a, replica r, sample i
     * @throws IllegalArgumentException for null or empty input, an empty replica, a non-finite value, or
     *                                  observables that differ in their number of replicas or replica lengths
     */
    public static Samples of(double[][][] data) {
        int[] lengths = validate(data);
        int[] start = new int[lengths.length + 1];
        for (int r = 0; r < lengths.length; r++) {
            start[r + 1] = Math.addExact(start[r], lengths[r]);
        }
        double[][] series = new double[data.length][start[lengths.length]];
        for (int a = 0; a < data.length; a++) {
            for (int r = 0; r < lengths.length; r++) {
                System.arraycopy(data[a][r], 0, series[a], start[r], lengths[r]);
            }
        }
        return new Samples(series, start);
    }

    private static int[] validate(double[][][] data) {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        if (data.length == 0) {
            throw new IllegalArgumentException("no observables given: need at least one");
        }
        int[] lengths = null;
        for (int a = 0; a < data.length; a++) {
            double[][] replicas = data[a];
            if (replicas == null) {
                throw new IllegalArgumentException("observable " + a + " is null");
            }
            if (replicas.length == 0) {
                throw new IllegalArgumentException("observable " + a + " has no replicas: need at least one");
            }
            if (lengths != null && replicas.length != lengths.length) {
                throw new IllegalArgumentException("observable " + a + " has " + replicas.length
                        + " replicas but observable 0 has " + lengths.length
                        + ": all observables must be measured on the same configurations");
            }
            if (lengths == null) {
                lengths = new int[replicas.length];
            }
            for (int r = 0; r < replicas.length; r++) {
                double[] series = replicas[r];
                if (series == null) {
                    throw new IllegalArgumentException("observable " + a + ", replica " + r + " is null");
                }
                if (series.length == 0) {
                    throw new IllegalArgumentException("observable " + a + ", replica " + r + " is empty");
                }
                if (a == 0) {
                    lengths[r] = series.length;
                } else if (series.length != lengths[r]) {
                    throw new IllegalArgumentException("observable " + a + ", replica " + r + " has "
                            + series.length + " samples but observable 0 has " + lengths[r]
                            + " in that replica: all observables must be measured on the same configurations");
                }
                for (int i = 0; i < series.length; i++) {
                    if (!Double.isFinite(series[i])) {
                        throw new IllegalArgumentException("observable " + a + ", replica " + r + ", sample " + i
                                + ": value " + series[i] + " is not finite");
                    }
                }
            }
        }
        return lengths;
    }

    public int observables() {
        return series.length;
    }

    public int replicas() {
        return start.length - 1;
    }

    /** Number of samples in replica r (the same for every observable). */
    public int length(int replica) {
        return start[replica + 1] - start[replica];
    }

    /** Total number of samples per observable, summed over replicas. */
    public int total() {
        return start[start.length - 1];
    }

    public double value(int observable, int replica, int sample) {
        if (sample < 0 || sample >= length(replica)) {
            throw new IndexOutOfBoundsException("sample " + sample + " outside replica " + replica
                    + " of length " + length(replica));
        }
        return series[observable][start[replica] + sample];
    }

    /** All samples of one observable, replicas concatenated in order. Not copied: do not modify. */
    double[] concatenated(int observable) {
        return series[observable];
    }

    /** Index of the first sample of replica r in {@link #concatenated(int)}. */
    int start(int replica) {
        return start[replica];
    }
}
