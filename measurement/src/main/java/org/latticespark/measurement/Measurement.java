package org.latticespark.measurement;

import java.io.Serializable;

/** One measured number: an observable, the noise vector or source it came from (0 if none), its value. */
public record Measurement(String observable, int source, double value) implements Serializable {}
