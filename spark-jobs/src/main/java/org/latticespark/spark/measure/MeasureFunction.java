package org.latticespark.spark.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.scalar.ScalarField;
import org.latticespark.measurement.Measurement;
import org.latticespark.measurement.MeasurementContext;
import org.latticespark.measurement.MeasurementStage;
import org.latticespark.measurement.scalar.ScalarMeasurementStage;
import org.latticespark.spark.InvalidInputException;
import org.latticespark.spark.config.MeasureSettings;
import org.latticespark.spark.table.StoredConfiguration;
import org.latticespark.spark.table.Tables;

/** Configuration row → measurement rows: verify and decode, run the stages, explode the history. */
final class MeasureFunction implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final MeasureSettings settings;
    private final String tablePath;
    private transient Map<String, List<MeasurementStage>> stages;
    private transient Map<String, List<ScalarMeasurementStage>> scalarStages;

    MeasureFunction(MeasureSettings settings, String tablePath) {
        this.settings = settings;
        this.tablePath = tablePath;
    }

    @Override
    public Iterator<Row> call(Row row) {
        if (stages == null) {
            stages = new HashMap<>();
            scalarStages = new HashMap<>();
        }
        StoredConfiguration sc = Tables.readConfiguration(row, tablePath);
        MeasurementContext context = new MeasurementContext(sc.ensemble(), sc.chain(), sc.update(), sc.config().seed);
        List<Row> out = new ArrayList<>();
        if (sc.config().isScalar()) {
            ScalarField phi = (ScalarField) sc.field();
            for (ScalarMeasurementStage stage : scalarStages.computeIfAbsent(sc.ensemble(),
                    e -> settings.scalarStagesFor(sc.config()))) {
                add(out, sc, stage.measure(phi, context));
            }
            out.addAll(GenerationStage.rows(sc));
            return out.iterator();
        }
        List<MeasurementStage> ensembleStages = stages.get(sc.ensemble());
        if (ensembleStages == null) {
            try {
                ensembleStages = settings.stagesFor(sc.config());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Tables.where(tablePath, sc.ensemble(), sc.chain(), sc.update()) + ": "
                        + e.getMessage(), e);
            }
            stages.put(sc.ensemble(), ensembleStages);
        }
        GaugeField field = (GaugeField) sc.field();
        for (MeasurementStage stage : ensembleStages) add(out, sc, stage.measure(field, context));
        out.addAll(GenerationStage.rows(sc));
        return out.iterator();
    }

    private static void add(List<Row> out, StoredConfiguration sc, List<Measurement> measured) {
        for (Measurement m : measured) {
            out.add(Tables.measurementRow(sc.ensemble(), sc.chain(), sc.update(), m.observable(), m.source(), m.value()));
        }
    }
}
