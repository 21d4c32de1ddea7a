package org.latticespark.generation;

import java.util.List;
import org.latticespark.lattice.field.GaugeField;

/**
 * A configuration the chain saves after update {@code index}, with the records of every update
 * since the previous save (thermalisation included for the first one). The field is a snapshot.
 */
public record SavedConfiguration(int chain, long index, GaugeField field, double plaquette,
                                 List<UpdateRecord> history) {}
