package org.latticespark.spark.table;

import java.util.List;
import org.latticespark.generation.Chain;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.ProgressListener;
import org.latticespark.generation.UpdateRecord;
import org.latticespark.lattice.field.GaugeField;

/** A verified configuration read back from the configuration table. */
public record StoredConfiguration(String ensemble, int chain, long update, ChainConfig config, GaugeField field,
                                  double plaquette, String backend, String checksum, List<UpdateRecord> history) {

    /** Continues the chain from this configuration (bit for bit as if it had never stopped). */
    public Chain resume(ProgressListener listener) {
        return Chain.resume(config, chain, field, update, listener);
    }
}
