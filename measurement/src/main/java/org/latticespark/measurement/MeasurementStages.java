package org.latticespark.measurement;

import java.util.ArrayList;
import java.util.List;

/**
 * The stages by configuration name. The fermionic stages ("condensate", "pion") take settings and are built from
 * them ({@link org.latticespark.measurement.fermion.CondensateStage}, {@link org.latticespark.measurement.fermion.PionStage}).
 */
public final class MeasurementStages {
    public static final List<String> NAMES = List.of("plaquette", "polyakov", "condensate", "pion");

    private MeasurementStages() {}

    public static MeasurementStage of(String name) {
        return switch (name) {
            case "plaquette" -> new PlaquetteStage();
            case "polyakov" -> new PolyakovLoopStage();
            case "condensate", "pion" -> throw new IllegalArgumentException("measure.stages: stage '" + name
                    + "' takes settings; build it from them");
            default -> throw new IllegalArgumentException("measure.stages: unknown stage '" + name + "', known: " + NAMES);
        };
    }

    public static List<MeasurementStage> of(List<String> names) {
        List<MeasurementStage> stages = new ArrayList<>();
        for (String n : names) stages.add(of(n));
        return stages;
    }
}
