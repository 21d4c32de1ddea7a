package org.latticespark.generation;

import java.util.List;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.field.LatticeField;
import org.latticespark.lattice.scalar.ScalarField;

/**
 * A configuration the chain saves after update {@code index}, with the records of every update
 * since the previous save (thermalisation included for the first one). The field is a snapshot.
 * {@code plaquette} is the plaquette of a gauge field, S/V of a scalar one; {@code logWeight} is log w = −S − log q
 * of a configuration a flow proposed (what an independence Metropolis–Hastings chain resumes from), NaN otherwise.
 */
public record SavedConfiguration(int chain, long index, LatticeField field, double plaquette,
                                 List<UpdateRecord> history, double logWeight) {
    public SavedConfiguration(int chain, long index, LatticeField field, double plaquette, List<UpdateRecord> history) {
        this(chain, index, field, plaquette, history, Double.NaN);
    }

    public GaugeField gaugeField() { return (GaugeField) field; }

    public ScalarField scalarField() { return (ScalarField) field; }
}
