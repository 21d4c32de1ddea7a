package org.latticespark.spark.generate;

import java.io.Serializable;
import org.latticespark.generation.ChainConfig;
import org.latticespark.spark.config.EnsembleJson;

/** One Spark task of the generate job: one chain of one ensemble. */
public record ChainTask(ChainConfig config, String parametersJson, int chain) implements Serializable {
    public static ChainTask of(ChainConfig config, int chain) {
        return new ChainTask(config, EnsembleJson.toJson(config), chain);
    }

    public String ensemble() {
        return config.ensemble;
    }
}
