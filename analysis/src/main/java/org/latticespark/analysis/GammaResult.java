package org.latticespark.analysis;

/**
 * Outcome of {@link GammaMethod#analyze(double[][], double)} for one primary observable.
 *
 * @param value        mean over all samples of all replicas
 * @param error        statistical error of {@code value}, autocorrelations included
 * @param errorOfError statistical error of {@code error}: {@code error * sqrt((W + 1/2) / N)}
 * @param tauInt       integrated autocorrelation time at the window, bias-corrected as in pyerrors;
 *                     convention {@code 1/2 + sum_{t=1..W} rho(t)}, so uncorrelated data give about 0.5
 * @param tauIntError  statistical error of {@code tauInt} (Wolff eq. 42, as pyerrors)
 * @param window       the automatically chosen summation window W (0 for a constant series)
 * @param samples      total number of samples N over all replicas
 * @param replicas     number of replicas R
 * @param rho          normalised autocorrelation function rho(t) for t = 0 .. min(W_max, max(10, 2W)),
 *                     W_max = floor(longest replica / 2) - 1; {@code {1.0}} for a constant series.
 *                     The array is not copied: treat it as read-only.
 */
public record GammaResult(double value, double error, double errorOfError, double tauInt, double tauIntError,
                          int window, long samples, int replicas, double[] rho) {
}
