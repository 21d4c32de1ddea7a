package org.latticespark.spark.table;

import java.util.List;
import org.latticespark.generation.Chain;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.ProgressListener;
import org.latticespark.generation.UpdateRecord;
import org.latticespark.lattice.field.LatticeField;

/**
 * A verified configuration read back from the configuration table: a gauge or a scalar field, its plaquette (S/V for
 * a scalar field) and, for a flow ensemble, its log weight −S − log q (else NaN).
 */
public record StoredConfiguration(String ensemble, int chain, long update, ChainConfig config, LatticeField field,
                                  double plaquette, String backend, String checksum, List<UpdateRecord> history,
                                  double logWeight) {

    /** Continues the chain from this configuration (bit for bit as if it had never stopped). */
    public Chain resume(ProgressListener listener) {
        return Chain.resume(config, chain, field, update, listener);
    }
}
