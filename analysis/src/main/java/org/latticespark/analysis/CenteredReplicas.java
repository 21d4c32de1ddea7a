package org.latticespark.analysis;

/**
 * Validated input series, each centred on its own replica mean (pyerrors convention).
 *
 * <p>All values are first multiplied by one power of two, chosen so that the largest magnitude lies in
 * [1, 2). Such a scaling is exact, so every later rounding is the same as without it, but squares and
 * sums can no longer overflow or underflow; callers undo it with {@link #unscale(double)}.
 */
final class CenteredReplicas {
    /** Smallest longest-replica length for which the largest window floor(N/2) - 1 is at least 1. */
    static final int MIN_LONGEST = 4;

    private final double[][] deltas;
    private final long total;
    private final int longest;
    private final int exponent;
    private final double value;

    private CenteredReplicas(double[][] deltas, long total, int longest, int exponent, double value) {
        this.deltas = deltas;
        this.total = total;
        this.longest = longest;
        this.exponent = exponent;
        this.value = value;
    }

    static CenteredReplicas of(double[][] replicas) {
        int longest = validate(replicas);
        int exponent = exponentOfLargest(replicas);
        double[][] scaled = new double[replicas.length][];
        long total = 0;
        for (int r = 0; r < replicas.length; r++) {
            scaled[r] = new double[replicas[r].length];
            for (int i = 0; i < scaled[r].length; i++) {
                scaled[r][i] = Math.scalb(replicas[r][i], -exponent);
            }
            total += scaled[r].length;
        }
        double mean = shiftedMean(scaled, scaled[0][0], total);
        for (double[] replica : scaled) {
            double replicaMean = shiftedMean(new double[][] {replica}, replica[0], replica.length);
            for (int i = 0; i < replica.length; i++) {
                replica[i] -= replicaMean;
            }
        }
        return new CenteredReplicas(scaled, total, longest, exponent, Math.scalb(mean, exponent));
    }

    /**
     * Fluctuations that are already centred (those of a derived observable: a linear combination of centred
     * primary fluctuations); they are scaled but not centred again, as pyerrors does.
     */
    static CenteredReplicas ofDeltas(double value, double[][] deltas) {
        int longest = validate(deltas);
        int exponent = exponentOfLargest(deltas);
        double[][] scaled = new double[deltas.length][];
        long total = 0;
        for (int r = 0; r < deltas.length; r++) {
            scaled[r] = new double[deltas[r].length];
            for (int i = 0; i < scaled[r].length; i++) {
                scaled[r][i] = Math.scalb(deltas[r][i], -exponent);
            }
            total += scaled[r].length;
        }
        return new CenteredReplicas(scaled, total, longest, exponent, value);
    }

    private static int validate(double[][] replicas) {
        if (replicas == null) {
            throw new IllegalArgumentException("replicas must not be null");
        }
        if (replicas.length == 0) {
            throw new IllegalArgumentException("no replicas given: need at least one time series");
        }
        int longest = 0;
        for (int r = 0; r < replicas.length; r++) {
            double[] series = replicas[r];
            if (series == null) {
                throw new IllegalArgumentException("replica " + r + " is null");
            }
            if (series.length < 2) {
                throw new IllegalArgumentException("replica " + r + " has " + series.length
                        + " sample(s); every replica needs at least 2");
            }
            for (int i = 0; i < series.length; i++) {
                if (!Double.isFinite(series[i])) {
                    throw new IllegalArgumentException("replica " + r + ", index " + i + ": value " + series[i]
                            + " is not finite");
                }
            }
            longest = Math.max(longest, series.length);
        }
        if (longest < MIN_LONGEST) {
            throw new IllegalArgumentException("too few samples: the longest replica has " + longest
                    + " samples, the Gamma method needs at least " + MIN_LONGEST
                    + " in one replica (largest window floor(N/2) - 1 must be >= 1)");
        }
        return longest;
    }

    private static int exponentOfLargest(double[][] replicas) {
        double largest = 0;
        for (double[] series : replicas) {
            for (double x : series) {
                largest = Math.max(largest, Math.abs(x));
            }
        }
        return largest == 0 ? 0 : Math.getExponent(largest);
    }

    /**
     * Mean as {@code shift + sum(x - shift) / n}, the sum compensated (Neumaier): exact for a constant series
     * and accurate when all values share a large offset.
     */
    private static double shiftedMean(double[][] series, double shift, long n) {
        double sum = 0;
        double compensation = 0;
        for (double[] s : series) {
            for (double x : s) {
                double term = x - shift;
                double next = sum + term;
                compensation += Math.abs(sum) >= Math.abs(term) ? (sum - next) + term : (term - next) + sum;
                sum = next;
            }
        }
        return shift + (sum + compensation) / n;
    }

    /** Per-replica fluctuations about the replica mean, in scaled units. Not copied: do not modify. */
    double[][] deltas() {
        return deltas;
    }

    long total() {
        return total;
    }

    int longest() {
        return longest;
    }

    int count() {
        return deltas.length;
    }

    /** Mean over all samples, in the caller's units. */
    double value() {
        return value;
    }

    boolean isConstant() {
        for (double[] replica : deltas) {
            for (double d : replica) {
                if (d != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Converts a quantity linear in the data (a mean, an error) back to the caller's units. */
    double unscale(double scaled) {
        return Math.scalb(scaled, exponent);
    }
}
