package org.latticespark.generation;

/**
 * What one update (a heatbath sweep or an HMC trajectory) reports. For heatbath ΔH = 0 and
 * accepted = true.
 */
public record UpdateRecord(long index, double deltaH, boolean accepted, double plaquette) {}
