package org.latticespark.spark.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.latticespark.lattice.codec.CorruptConfigurationException;
import org.latticespark.spark.progress.ChainProgress;
import org.latticespark.spark.progress.ProgressAccumulator;
import org.latticespark.spark.table.Tables;
import scala.Tuple2;

/**
 * The DataFrame side of a resume: which chains the table holds (read from small columns only), and
 * the rows of the resumed chains, each task receiving its chain's last stored row.
 */
final class ResumedRows {
    private ResumedRows() {}

    /** Per (ensemble, chain) of the table: the last update, its parameters, the row count, the backends. */
    static List<ResumePlan.StoredChain> storedChains(Dataset<Row> table, String tablePath) {
        // only small columns: Parquet reads neither the links nor the histories
        List<Row> rows = table.groupBy(col("ensemble"), col("chain"))
                .agg(max(col("update")), max_by(col("parameters"), col("update")), count(lit(1)),
                        collect_set(col("backend")), min(col("schema_version")), max(col("schema_version")))
                .collectAsList();
        List<ResumePlan.StoredChain> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String ensemble = r.isNullAt(0) ? "?" : r.getString(0);
            int chain = r.isNullAt(1) ? -1 : r.getInt(1);
            long update = r.isNullAt(2) ? -1 : r.getLong(2);
            String where = Tables.where(tablePath, ensemble, chain, update);
            for (int v = 6; v <= 7; v++) {
                if (!r.isNullAt(v)) Tables.requireVersion(r.getInt(v), where);
            }
            String[] names = {"ensemble", "chain", "update", "parameters"};
            for (int i = 0; i < names.length; i++) {
                if (r.isNullAt(i)) {
                    throw new CorruptConfigurationException(Tables.where(tablePath, ensemble, chain, update) + ": column "
                            + names[i] + " is null (not a configuration table of schema version "
                            + Tables.SCHEMA_VERSION + "?)");
                }
            }
            out.add(new ResumePlan.StoredChain(ensemble, chain, update, r.getString(3), r.getLong(4),
                    List.copyOf(r.<String>getList(5))));
        }
        return out;
    }

    private static final StructType RESUME_KEYS = new StructType()
            .add("resume_ensemble", DataTypes.StringType, false)
            .add("resume_chain", DataTypes.IntegerType, false)
            .add("resume_update", DataTypes.LongType, false);

    /**
     * The rows of a resume as a lazy DataFrame, one partition per task: partition i runs task i,
     * and for a resumed task receives its stored row (the table's last rows are shuffled to their
     * tasks' partitions and zipped with the tasks).
     */
    static Dataset<Row> resumedConfigurations(SparkSession spark, Dataset<Row> table, String tablePath,
                                              List<ChainTask> tasks, ProgressAccumulator progress) {
        int n = tasks.size();
        HashMap<String, Integer> partition = new HashMap<>();
        List<Row> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ChainTask t = tasks.get(i);
            partition.put(ChainProgress.key(t.ensemble(), t.chain()), i);
            if (t.resumed()) keys.add(RowFactory.create(t.ensemble(), t.chain(), t.resumeFrom()));
        }
        if (keys.isEmpty()) return GenerateJob.configurations(spark, tasks, progress);
        Dataset<Row> k = spark.createDataFrame(keys, RESUME_KEYS);
        Dataset<Row> last = table.join(functions.broadcast(k), table.col("ensemble").equalTo(k.col("resume_ensemble"))
                .and(table.col("chain").equalTo(k.col("resume_chain")))
                .and(table.col("update").equalTo(k.col("resume_update"))), "left_semi");
        JavaPairRDD<Integer, Row> stored = last.javaRDD()
                .mapToPair(r -> new Tuple2<>(partition.get(ChainProgress.key(r.getString(Tables.C_ENSEMBLE),
                        r.getInt(Tables.C_CHAIN))), r))
                .partitionBy(new ByTask(n));
        JavaRDD<ChainTask> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(tasks, n);
        JavaRDD<Row> rows = rdd.zipPartitions(stored,
                (FlatMapFunction2<Iterator<ChainTask>, Iterator<Tuple2<Integer, Row>>, Row>) (ts, ss) -> {
                    Map<String, Row> byChain = new HashMap<>();
                    while (ss.hasNext()) {
                        Row r = ss.next()._2();
                        String key = ChainProgress.key(r.getString(Tables.C_ENSEMBLE), r.getInt(Tables.C_CHAIN));
                        if (byChain.put(key, r) != null) {
                            throw new CorruptConfigurationException(Tables.where(tablePath, r.getString(Tables.C_ENSEMBLE),
                                    r.getInt(Tables.C_CHAIN), r.getLong(Tables.C_UPDATE)) + ": stored more than once");
                        }
                    }
                    return new TaskRows(ts, progress, byChain, tablePath);
                });
        return spark.createDataFrame(rows, Tables.CONFIGURATION_SCHEMA);
    }

    /** Key i (a task's position) → partition i. */
    private static final class ByTask extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int partitions;

        ByTask(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return (Integer) key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByTask b && b.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }
}
