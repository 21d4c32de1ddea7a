package org.latticespark.spark.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.latticespark.measurement.Measurement;
import org.latticespark.measurement.MeasurementContext;
import org.latticespark.measurement.MeasurementStage;
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

    MeasureFunction(MeasureSettings settings, String tablePath) {
        this.settings = settings;
        this.tablePath = tablePath;
    }

    @Override
    public Iterator<Row> call(Row row) {
        if (stages == null) stages = new HashMap<>();
        StoredConfiguration sc = Tables.readConfiguration(row, tablePath);
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
        List<Row> out = new ArrayList<>();
        MeasurementContext context = new MeasurementContext(sc.ensemble(), sc.chain(), sc.update(), sc.config().seed);
        for (MeasurementStage stage : ensembleStages) {
            for (Measurement m : stage.measure(sc.field(), context)) {
                out.add(Tables.measurementRow(sc.ensemble(), sc.chain(), sc.update(), m.observable(), m.source(),
                        m.value()));
            }
        }
        out.addAll(GenerationStage.rows(sc));
        return out.iterator();
    }
}
