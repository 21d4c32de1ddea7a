package org.latticespark.spark.analyze;

import java.io.Serializable;

/** One measured value of one observable, as the analysis groups them. */
public record Sample(int chain, long index, int source, double value) implements Serializable {}
