package org.latticespark.analysis.resample;

/**
 * A confidence interval [lower, upper].
 *
 * @param lower lower end
 * @param upper upper end, &gt;= lower
 */
public record ConfidenceInterval(double lower, double upper) {
}
