package org.latticespark.analysis.fit;

/**
 * Optional settings of a fit; immutable, each {@code with...} returns a changed copy. Arrays are copied.
 *
 * <ul>
 *   <li>initial guess: the minimiser's starting point; default: the model's {@link FitModel#initialGuess}.</li>
 *   <li>max iterations: the most accepted Levenberg–Marquardt steps, default {@value #DEFAULT_MAX_ITERATIONS}.</li>
 *   <li>data covariance: the true covariance C of the data for the expected χ² of Bruno &amp; Sommer; default:
 *       the fit's own covariance for a correlated fit, none (expected χ² NaN) for an uncorrelated one.</li>
 * </ul>
 */
public final class FitOptions {
    public static final int DEFAULT_MAX_ITERATIONS = 200;

    private static final FitOptions DEFAULTS = new FitOptions(null, DEFAULT_MAX_ITERATIONS, null);

    private final double[] initialGuess;
    private final int maxIterations;
    private final double[][] dataCovariance;

    private FitOptions(double[] initialGuess, int maxIterations, double[][] dataCovariance) {
        this.initialGuess = initialGuess;
        this.maxIterations = maxIterations;
        this.dataCovariance = dataCovariance;
    }

    public static FitOptions defaults() {
        return DEFAULTS;
    }

    /** Its length and finiteness are checked against the model when fitting. */
    public FitOptions withInitialGuess(double... guess) {
        if (guess == null) {
            throw new IllegalArgumentException("initial guess must not be null");
        }
        return new FitOptions(guess.clone(), maxIterations, dataCovariance);
    }

    public FitOptions withMaxIterations(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("max iterations must be >= 1, got " + iterations);
        }
        return new FitOptions(initialGuess, iterations, dataCovariance);
    }

    /** n×n, finite and symmetric (checked when fitting); it need not be invertible. */
    public FitOptions withDataCovariance(double[][] covariance) {
        if (covariance == null) {
            throw new IllegalArgumentException("data covariance must not be null");
        }
        double[][] copy = new double[covariance.length][];
        for (int i = 0; i < copy.length; i++) {
            if (covariance[i] == null) {
                throw new IllegalArgumentException("data covariance row " + i + " is null");
            }
            copy[i] = covariance[i].clone();
        }
        return new FitOptions(initialGuess, maxIterations, copy);
    }

    /** The initial guess, or null for the model's automatic one. */
    public double[] initialGuess() {
        return initialGuess == null ? null : initialGuess.clone();
    }

    public int maxIterations() {
        return maxIterations;
    }

    /** The data covariance, or null when none was given. */
    public double[][] dataCovariance() {
        if (dataCovariance == null) {
            return null;
        }
        double[][] copy = new double[dataCovariance.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = dataCovariance[i].clone();
        }
        return copy;
    }

    boolean hasDataCovariance() {
        return dataCovariance != null;
    }
}
