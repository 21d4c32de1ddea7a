package org.latticespark.spark.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.latticespark.generation.ChainConfig;
import org.latticespark.measurement.MeasurementStage;
import org.latticespark.measurement.MeasurementStages;
import org.latticespark.measurement.fermion.CondensateSettings;
import org.latticespark.measurement.fermion.CondensateStage;
import org.latticespark.measurement.fermion.FermionType;
import org.latticespark.measurement.fermion.NoiseKind;
import org.latticespark.measurement.fermion.PionSettings;
import org.latticespark.measurement.fermion.PionStage;
import org.latticespark.measurement.scalar.Phi4Stage;
import org.latticespark.measurement.scalar.ScalarMeasurementStage;

/**
 * The {@code measure.*} keys: the stages and the settings of the fermionic ones. The stages of an ensemble are
 * resolved from them and the ensemble's own parameters ({@link #stagesFor}), so one run measures every ensemble at
 * its own sea quark unless a valence quark is given.
 */
public record MeasureSettings(List<String> stages, ValenceQuark condensateQuark, NoiseKind noise, int vectors,
                              double condensateTolerance, int condensateMaxIterations, ValenceQuark pionQuark,
                              double pionTolerance, int pionMaxIterations) implements Serializable {
    public MeasureSettings {
        stages = List.copyOf(stages);
    }

    /** The stages run on the configurations of a gauge {@code ensemble}, in configuration order (none for φ⁴). */
    public List<MeasurementStage> stagesFor(ChainConfig ensemble) {
        List<MeasurementStage> out = new ArrayList<>();
        if (ensemble.isScalar()) return out;
        for (String s : stages) {
            switch (s) {
                case CondensateStage.NAME -> {
                    ValenceQuark.Resolved q = condensateQuark.resolve(ensemble);
                    out.add(new CondensateStage(q.type() == FermionType.STAGGERED
                            ? CondensateSettings.staggered(q.mass(), q.flavours(), noise, vectors, condensateTolerance,
                                    condensateMaxIterations)
                            : CondensateSettings.wilson(q.kappa(), q.cSw(), noise, vectors, condensateTolerance,
                                    condensateMaxIterations)));
                }
                case PionStage.NAME -> {
                    ValenceQuark.Resolved q = pionQuark.resolve(ensemble);
                    out.add(new PionStage(q.type() == FermionType.STAGGERED
                            ? PionSettings.staggered(q.mass(), pionTolerance, pionMaxIterations)
                            : PionSettings.wilson(q.kappa(), q.cSw(), pionTolerance, pionMaxIterations),
                            ensemble.extents[ensemble.extents.length - 1]));
                }
                default -> out.add(MeasurementStages.of(s));
            }
        }
        return out;
    }

    /** The stages of a φ⁴ {@code ensemble}: the {@code phi4} stage always runs there (none for gauge ensembles). */
    public List<ScalarMeasurementStage> scalarStagesFor(ChainConfig ensemble) {
        return ensemble.isScalar() ? List.of(new Phi4Stage(ensemble.phi4Action(), ensemble.extents[ensemble.extents.length - 1])) : List.of();
    }

    /** The observables the stages write on {@code ensemble}, in order. */
    public List<String> observables(ChainConfig ensemble) {
        List<String> out = new ArrayList<>();
        for (MeasurementStage s : stagesFor(ensemble)) out.addAll(s.observables());
        for (ScalarMeasurementStage s : scalarStagesFor(ensemble)) out.addAll(s.observables());
        return out;
    }
}
