package org.latticespark.spark.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.SavedConfiguration;
import org.latticespark.generation.UpdateRecord;
import org.latticespark.lattice.codec.ConfigurationCodec;
import org.latticespark.lattice.codec.CorruptConfigurationException;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.field.LatticeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.scalar.ScalarField;
import org.latticespark.spark.InvalidInputException;
import org.latticespark.spark.config.EnsembleJson;

/**
 * The schemas of the stored tables, how rows are made, and how they are read back and verified.
 *
 * <p>Both tables are plain (unpartitioned) Parquet folders. The generate job writes one file per
 * chain: a partitionBy("ensemble") would make Spark sort each task's rows before writing, so the
 * configurations of a chain would pile up in the sorter instead of streaming into the file.
 *
 * <p>Configuration table (one row per saved configuration):
 * schema_version, ensemble, chain, update (1-based count of completed updates), group, dims, beta,
 * algorithm, parameters (canonical JSON of the ensemble, enough to resume), seed, backend, links
 * (little-endian doubles, ILDG order), checksum ("sha256:..."), plaquette, and the history of the
 * updates since the previous saved configuration as parallel arrays (update, ΔH, accepted, plaquette,
 * Krylov-solver iterations, log weight), then log_weight of the stored configuration.
 *
 * <p>A φ⁴ row (theory = phi4 in the parameters) has group {@value #SCALAR_GROUP}, beta NaN, the site values in
 * {@code links} (lexicographic, little-endian doubles) and the action per site S/V where a gauge row has its
 * plaquette. A flow ensemble's rows record every proposal in the history: its log weight log w = −S − log q,
 * whether the independence Metropolis–Hastings step accepted it, and ΔH = log w(current) − log w(proposal); the
 * row's log_weight is that of the stored configuration, what the chain continues from. The other samplers store
 * NaN log weights.
 *
 * <p>Schema version 2 added the solver iterations and the fermion keys of the parameters, version 3 the φ⁴ and
 * flow keys and the log weights; older tables are refused with a message that says so.
 *
 * <p>Measurement table (long format): schema_version, ensemble, chain, index, observable, source, value.
 */
public final class Tables {
    public static final int SCHEMA_VERSION = 3;
    /** The group column of a scalar field's row. */
    public static final String SCALAR_GROUP = "scalar";

    public static final StructType CONFIGURATION_SCHEMA = new StructType(new StructField[] {
            field("schema_version", DataTypes.IntegerType),
            field("ensemble", DataTypes.StringType),
            field("chain", DataTypes.IntegerType),
            field("update", DataTypes.LongType),
            field("group", DataTypes.StringType),
            field("dims", DataTypes.createArrayType(DataTypes.IntegerType, false)),
            field("beta", DataTypes.DoubleType),
            field("algorithm", DataTypes.StringType),
            field("parameters", DataTypes.StringType),
            field("seed", DataTypes.LongType),
            field("backend", DataTypes.StringType),
            field("links", DataTypes.BinaryType),
            field("checksum", DataTypes.StringType),
            field("plaquette", DataTypes.DoubleType),
            field("history_update", DataTypes.createArrayType(DataTypes.LongType, false)),
            field("history_delta_h", DataTypes.createArrayType(DataTypes.DoubleType, false)),
            field("history_accepted", DataTypes.createArrayType(DataTypes.BooleanType, false)),
            field("history_plaquette", DataTypes.createArrayType(DataTypes.DoubleType, false)),
            field("history_solver_iterations", DataTypes.createArrayType(DataTypes.LongType, false)),
            field("log_weight", DataTypes.DoubleType),
            field("history_log_weight", DataTypes.createArrayType(DataTypes.DoubleType, false)),
    });

    public static final StructType MEASUREMENT_SCHEMA = new StructType(new StructField[] {
            field("schema_version", DataTypes.IntegerType),
            field("ensemble", DataTypes.StringType),
            field("chain", DataTypes.IntegerType),
            field("index", DataTypes.LongType),
            field("observable", DataTypes.StringType),
            field("source", DataTypes.IntegerType),
            field("value", DataTypes.DoubleType),
    });

    // column positions in rows that follow CONFIGURATION_SCHEMA (readConfigurationTable selects in this order)
    public static final int C_SCHEMA_VERSION = 0, C_ENSEMBLE = 1, C_CHAIN = 2, C_UPDATE = 3, C_GROUP = 4, C_DIMS = 5,
            C_BETA = 6, C_ALGORITHM = 7, C_PARAMETERS = 8, C_SEED = 9, C_BACKEND = 10, C_LINKS = 11, C_CHECKSUM = 12,
            C_PLAQUETTE = 13, C_HISTORY_UPDATE = 14, C_HISTORY_DELTA_H = 15, C_HISTORY_ACCEPTED = 16,
            C_HISTORY_PLAQUETTE = 17, C_HISTORY_SOLVER_ITERATIONS = 18, C_LOG_WEIGHT = 19, C_HISTORY_LOG_WEIGHT = 20;
    public static final int M_SCHEMA_VERSION = 0, M_ENSEMBLE = 1, M_CHAIN = 2, M_INDEX = 3, M_OBSERVABLE = 4,
            M_SOURCE = 5, M_VALUE = 6;

    private Tables() {}

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, false);
    }

    // ------------------------------------------------------------------------------------ rows

    /** The row of one saved configuration. */
    public static Row configurationRow(ChainConfig config, String parametersJson, String backend,
                                       SavedConfiguration saved) {
        byte[] links = ConfigurationCodec.encode(saved.field());
        List<UpdateRecord> h = saved.history();
        long[] hu = new long[h.size()];
        double[] hd = new double[h.size()];
        boolean[] ha = new boolean[h.size()];
        double[] hp = new double[h.size()];
        long[] hs = new long[h.size()];
        double[] hw = new double[h.size()];
        for (int i = 0; i < hu.length; i++) {
            UpdateRecord r = h.get(i);
            hu[i] = r.index();
            hd[i] = r.deltaH();
            ha[i] = r.accepted();
            hp[i] = r.plaquette();
            hs[i] = r.solverIterations();
            hw[i] = r.logWeight();
        }
        boolean scalar = config.isScalar();
        return RowFactory.create(SCHEMA_VERSION, config.ensemble, saved.chain(), saved.index(),
                scalar ? SCALAR_GROUP : saved.gaugeField().group().name(), config.extents.clone(),
                scalar ? Double.NaN : config.beta,
                config.algorithm.name().toLowerCase(java.util.Locale.ROOT), parametersJson, config.seed, backend,
                links, ConfigurationCodec.checksum(links), saved.plaquette(), hu, hd, ha, hp, hs, saved.logWeight(), hw);
    }

    public static Row measurementRow(String ensemble, int chain, long index, String observable, int source,
                                     double value) {
        return RowFactory.create(SCHEMA_VERSION, ensemble, chain, index, observable, source, value);
    }

    /** "<path> ensemble=<e> chain=<c> update=<u>": how errors name a stored configuration. */
    public static String where(String tablePath, String ensemble, int chain, long update) {
        return tablePath + " ensemble=" + ensemble + " chain=" + chain + " update=" + update;
    }

    /**
     * Reads one configuration row back and verifies it: schema version, parameters, group and dims
     * against the parameters, then length, checksum, finiteness and (gauge fields) group membership of every link.
     *
     * @param tablePath names the table in error messages
     * @throws CorruptConfigurationException naming path, ensemble, chain and update
     */
    public static StoredConfiguration readConfiguration(Row row, String tablePath) {
        String ensemble = row.isNullAt(C_ENSEMBLE) ? "?" : row.getString(C_ENSEMBLE);
        int chain = row.isNullAt(C_CHAIN) ? -1 : row.getInt(C_CHAIN);
        long update = row.isNullAt(C_UPDATE) ? -1 : row.getLong(C_UPDATE);
        String where = where(tablePath, ensemble, chain, update);
        if (!row.isNullAt(C_SCHEMA_VERSION)) requireVersion(row.getInt(C_SCHEMA_VERSION), where);
        for (int i = 0; i < CONFIGURATION_SCHEMA.size(); i++) {
            if (row.isNullAt(i)) {
                throw new CorruptConfigurationException(where + ": column " + CONFIGURATION_SCHEMA.fields()[i].name()
                        + " is null (not a configuration table of schema version " + SCHEMA_VERSION + "?)");
            }
        }
        ChainConfig config;
        try {
            config = EnsembleJson.fromJson(row.getString(C_PARAMETERS), where);
        } catch (InvalidInputException e) {
            throw new CorruptConfigurationException(e.getMessage());
        }
        if (!config.ensemble.equals(ensemble)) {
            throw new CorruptConfigurationException(where + ": parameters belong to ensemble " + config.ensemble);
        }
        if (chain < 0 || chain >= config.chains) {
            throw new CorruptConfigurationException(where + ": chain outside 0.." + (config.chains - 1));
        }
        if (update < 1 || update > config.totalUpdates()) {
            throw new CorruptConfigurationException(where + ": update outside 1.." + config.totalUpdates());
        }
        int[] dims = toIntArray(row.getList(C_DIMS));
        if (!Arrays.equals(dims, config.extents)) {
            throw new CorruptConfigurationException(where + ": dims " + Arrays.toString(dims)
                    + " do not match the ensemble's lattice " + Arrays.toString(config.extents));
        }
        LatticeField field = config.isScalar() ? scalarField(row, config, where, dims) : gaugeField(row, config, where, dims);
        List<Long> hu = row.getList(C_HISTORY_UPDATE);
        List<Double> hd = row.getList(C_HISTORY_DELTA_H);
        List<Boolean> ha = row.getList(C_HISTORY_ACCEPTED);
        List<Double> hp = row.getList(C_HISTORY_PLAQUETTE);
        List<Long> hs = row.getList(C_HISTORY_SOLVER_ITERATIONS);
        List<Double> hw = row.getList(C_HISTORY_LOG_WEIGHT);
        if (hu.size() != hd.size() || hu.size() != ha.size() || hu.size() != hp.size() || hu.size() != hs.size()
                || hu.size() != hw.size()) {
            throw new CorruptConfigurationException(where + ": history arrays differ in length");
        }
        List<UpdateRecord> history = new ArrayList<>(hu.size());
        for (int i = 0; i < hu.size(); i++) history.add(new UpdateRecord(hu.get(i), hd.get(i), ha.get(i), hp.get(i),
                hs.get(i), hw.get(i)));
        if (history.isEmpty() || history.get(history.size() - 1).index() != update) {
            throw new CorruptConfigurationException(where + ": history does not end at update " + update);
        }
        return new StoredConfiguration(ensemble, chain, update, config, field, row.getDouble(C_PLAQUETTE),
                row.getString(C_BACKEND), row.getString(C_CHECKSUM), List.copyOf(history), row.getDouble(C_LOG_WEIGHT));
    }

    private static GaugeField gaugeField(Row row, ChainConfig config, String where, int[] dims) {
        GaugeGroup group;
        try {
            group = GaugeGroup.of(row.getString(C_GROUP));
        } catch (IllegalArgumentException e) {
            throw new CorruptConfigurationException(where + ": group: " + e.getMessage());
        }
        if (!group.equals(config.gaugeGroup())) {
            throw new CorruptConfigurationException(where + ": group " + group + " does not match the ensemble's "
                    + config.gaugeGroup());
        }
        return ConfigurationCodec.decode((byte[]) row.get(C_LINKS), row.getString(C_CHECKSUM), group, new Lattice(dims),
                where);
    }

    private static ScalarField scalarField(Row row, ChainConfig config, String where, int[] dims) {
        if (!SCALAR_GROUP.equals(row.getString(C_GROUP))) {
            throw new CorruptConfigurationException(where + ": group " + row.getString(C_GROUP) + ", but the ensemble is "
                    + "phi4 (group " + SCALAR_GROUP + ")");
        }
        return ConfigurationCodec.decodeScalar((byte[]) row.get(C_LINKS), row.getString(C_CHECKSUM), new Lattice(dims),
                where);
    }

    /** Refuses a row of another schema version, saying when the table is older than this reader. */
    public static void requireVersion(int version, String where) {
        if (version != SCHEMA_VERSION) {
            throw new CorruptConfigurationException(where + ": schema_version " + version + ", this reader knows "
                    + SCHEMA_VERSION + (version < SCHEMA_VERSION ? " (an older table: regenerate it with this version)" : ""));
        }
    }

    private static int[] toIntArray(List<Integer> l) {
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i);
        return a;
    }

    // ---------------------------------------------------------------------------------- tables

    /** Writes a table as Parquet: one file per task, rows in the order the task produces them. */
    public static void write(Dataset<Row> table, String path) {
        table.write()
                .mode(SaveMode.ErrorIfExists)
                // big binary rows: without this Parquet checks the page size only every 100 rows
                .option("parquet.page.size.row.check.min", "1")
                .parquet(path);
    }

    /** The configuration table, columns in {@link #CONFIGURATION_SCHEMA} order (rows not yet verified). */
    public static Dataset<Row> readConfigurationTable(SparkSession spark, String path) {
        return read(spark, path, CONFIGURATION_SCHEMA, "configuration table");
    }

    /** The measurement table, columns in {@link #MEASUREMENT_SCHEMA} order. */
    public static Dataset<Row> readMeasurementTable(SparkSession spark, String path) {
        return read(spark, path, MEASUREMENT_SCHEMA, "measurement table");
    }

    private static Dataset<Row> read(SparkSession spark, String path, StructType schema, String what) {
        org.latticespark.spark.io.AtomicOutput.requireInput(spark, path, what);
        // an explicit schema: no inference, and a missing column reads as null (then refused per row)
        Dataset<Row> df = spark.read().schema(schema).parquet(path);
        Column[] cols = new Column[schema.size()];
        for (int i = 0; i < cols.length; i++) cols[i] = df.col(schema.fields()[i].name());
        return df.select(cols);
    }
}
