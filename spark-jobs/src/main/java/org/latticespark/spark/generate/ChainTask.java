package org.latticespark.spark.generate;

import java.io.Serializable;
import org.latticespark.generation.ChainConfig;
import org.latticespark.spark.config.EnsembleJson;

/**
 * One Spark task of the generate job: one chain of one ensemble, started from scratch
 * ({@code resumeFrom} 0) or continued from its stored configuration after update {@code resumeFrom}
 * ({@code generate --resume}).
 */
public record ChainTask(ChainConfig config, String parametersJson, int chain, long resumeFrom) implements Serializable {
    public static ChainTask of(ChainConfig config, int chain) {
        return new ChainTask(config, EnsembleJson.toJson(config), chain, 0);
    }

    /** The same chain, continued from its stored configuration after {@code update} completed updates. */
    public ChainTask resumingFrom(long update) {
        return new ChainTask(config, parametersJson, chain, update);
    }

    public String ensemble() {
        return config.ensemble;
    }

    public boolean resumed() {
        return resumeFrom > 0;
    }

    /** The configurations this task saves: those after update {@code resumeFrom}. */
    public long configurationsToSave() {
        return savedUpTo(config.totalUpdates()) - savedUpTo(resumeFrom);
    }

    private long savedUpTo(long update) {
        return update <= config.thermalization ? 0 : (update - config.thermalization) / config.saveEvery;
    }
}
