package org.latticespark.spark.measure;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.latticespark.measurement.Measurement;
import org.latticespark.measurement.MeasurementContext;
import org.latticespark.measurement.MeasurementStage;
import org.latticespark.measurement.MeasurementStages;
import org.latticespark.spark.table.StoredConfiguration;
import org.latticespark.spark.table.Tables;

/** Configuration row → measurement rows: verify and decode, run the stages, explode the history. */
final class MeasureFunction implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final List<String> stageNames;
    private final String tablePath;
    private transient List<MeasurementStage> stages;

    MeasureFunction(List<String> stageNames, String tablePath) {
        this.stageNames = List.copyOf(stageNames);
        this.tablePath = tablePath;
    }

    @Override
    public Iterator<Row> call(Row row) {
        if (stages == null) stages = MeasurementStages.of(stageNames);
        StoredConfiguration sc = Tables.readConfiguration(row, tablePath);
        List<Row> out = new ArrayList<>();
        MeasurementContext context = new MeasurementContext(sc.ensemble(), sc.chain(), sc.update(), sc.config().seed);
        for (MeasurementStage stage : stages) {
            for (Measurement m : stage.measure(sc.field(), context)) {
                out.add(Tables.measurementRow(sc.ensemble(), sc.chain(), sc.update(), m.observable(), m.source(),
                        m.value()));
            }
        }
        out.addAll(GenerationStage.rows(sc));
        return out.iterator();
    }
}
