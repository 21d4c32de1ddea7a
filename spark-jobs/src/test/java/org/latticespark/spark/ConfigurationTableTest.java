package org.latticespark.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.SavedConfiguration;
import org.latticespark.generation.UpdateRecord;
import org.latticespark.lattice.action.Plaquettes;
import org.latticespark.lattice.codec.ConfigurationCodec;
import org.latticespark.lattice.codec.CorruptConfigurationException;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.scalar.ScalarField;
import org.latticespark.spark.config.EnsembleJson;
import org.latticespark.spark.config.RunConfig;
import org.latticespark.spark.measure.MeasureJob;
import org.latticespark.spark.table.StoredConfiguration;
import org.latticespark.spark.table.Tables;

/** The configuration table: a bit-exact round trip through Parquet, and refusal of damaged rows. */
class ConfigurationTableTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = TestSupport.session("local[2]");
    }

    @AfterAll
    static void stop() {
        TestSupport.stop(spark);
    }

    private static final ChainConfig CONFIG = ChainConfig.builder().ensemble("t").group("SU3").extents(4, 4, 4, 8)
            .beta(6.0).chains(2).thermalization(5).saveEvery(2).configurations(3).build();

    /** A hot (Haar-random) field standing in for a chain's configuration: no sampler needed. */
    static SavedConfiguration saved(int chain, long update) {
        return savedFor(CONFIG, chain, update);
    }

    static SavedConfiguration savedFor(ChainConfig config, int chain, long update) {
        GaugeField f = GaugeField.hot(config.lattice(), config.gaugeGroup(), new RandomStream(99, chain), Parallelism.serial());
        List<UpdateRecord> history = new ArrayList<>();
        for (long u = update - 1; u <= update; u++) history.add(new UpdateRecord(u, 0.01 * u, u % 2 == 0, 0.5 + 1e-3 * u));
        return new SavedConfiguration(chain, update, f, Plaquettes.average(f, Parallelism.serial()), history);
    }

    private String writeTable(String name, List<Row> rows) {
        String path = dir.resolve(name).toString();
        Tables.write(spark.createDataFrame(rows, Tables.CONFIGURATION_SCHEMA), path);
        return path;
    }

    private static Row withColumn(Row row, int column, Object value) {
        Object[] v = new Object[row.size()];
        for (int i = 0; i < v.length; i++) v[i] = row.get(i);
        v[column] = value;
        return RowFactory.create(v);
    }

    @Test
    void roundTripIsBitForBit() {
        String json = EnsembleJson.toJson(CONFIG);
        SavedConfiguration a = saved(0, 7);
        SavedConfiguration b = saved(1, 9);
        String path = writeTable("roundtrip", List.of(Tables.configurationRow(CONFIG, json, "java", a),
                Tables.configurationRow(CONFIG, json, "java", b)));
        List<Row> back = Tables.readConfigurationTable(spark, path).orderBy("chain").collectAsList();
        assertEquals(2, back.size());
        for (int i = 0; i < 2; i++) {
            SavedConfiguration orig = i == 0 ? a : b;
            Row row = back.get(i);
            assertArrayEquals(ConfigurationCodec.encode(orig.field()), (byte[]) row.get(Tables.C_LINKS));
            StoredConfiguration sc = Tables.readConfiguration(row, path);
            double[] x = orig.field().data();
            double[] y = sc.field().data();
            assertEquals(x.length, y.length);
            for (int k = 0; k < x.length; k++) {
                assertEquals(Double.doubleToRawLongBits(x[k]), Double.doubleToRawLongBits(y[k]), "double " + k);
            }
            assertEquals(ConfigurationCodec.checksum(ConfigurationCodec.encode(orig.field())), sc.checksum());
            assertEquals("t", sc.ensemble());
            assertEquals(orig.chain(), sc.chain());
            assertEquals(orig.index(), sc.update());
            assertEquals(orig.plaquette(), sc.plaquette());
            assertEquals(orig.history(), sc.history());
            assertEquals(json, EnsembleJson.toJson(sc.config()));
            assertEquals(Tables.SCHEMA_VERSION, row.getInt(Tables.C_SCHEMA_VERSION));
            assertArrayEquals(new int[] {4, 4, 4, 8}, row.getList(Tables.C_DIMS).stream().mapToInt(o -> (Integer) o).toArray());
        }
    }

    @Test
    void flippedByteIsRefusedNamingTheConfiguration() {
        Row good = Tables.configurationRow(CONFIG, EnsembleJson.toJson(CONFIG), "java", saved(1, 7));
        byte[] blob = ((byte[]) good.get(Tables.C_LINKS)).clone();
        blob[1234] ^= 0x10;
        String path = writeTable("flipped", List.of(withColumn(good, Tables.C_LINKS, blob)));
        Row back = Tables.readConfigurationTable(spark, path).first();
        CorruptConfigurationException e = assertThrows(CorruptConfigurationException.class,
                () -> Tables.readConfiguration(back, path));
        assertTrue(e.getMessage().contains(path + " ensemble=t chain=1 update=7"), e.getMessage());
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());

        // the measure job refuses it too, and the CLI's rule finds the cause behind Spark's exception
        RunConfig rc = RunConfig.parse("ensembles = [{name = t}]", "t.conf").withOutput(dir.resolve("run").toString());
        String target = rc.layout().configurations();
        Tables.write(spark.createDataFrame(List.of(withColumn(good, Tables.C_LINKS, blob)), Tables.CONFIGURATION_SCHEMA),
                target);
        Exception job = assertThrows(Exception.class, () -> new MeasureJob(spark, rc).run(false));
        RuntimeException cause = Main.badInput(job);
        assertNotNull(cause, "no bad-input cause in " + job);
        assertTrue(cause.getMessage().contains("ensemble=t chain=1 update=7"), cause.getMessage());
        assertTrue(!new java.io.File(rc.layout().measurements()).exists(), "no measurement table after a failure");
        String[] left = dir.resolve("run").toFile().list();
        assertNotNull(left);
        for (String name : left) assertTrue(!name.contains(".tmp-"), "temporary output left behind: " + name);
    }

    @Test
    void mismatchedDimsAreRefusedNamingTheConfiguration() {
        Row good = Tables.configurationRow(CONFIG, EnsembleJson.toJson(CONFIG), "java", saved(0, 9));
        String path = writeTable("dims", List.of(withColumn(good, Tables.C_DIMS, new int[] {4, 4, 4, 4})));
        Row back = Tables.readConfigurationTable(spark, path).first();
        CorruptConfigurationException e = assertThrows(CorruptConfigurationException.class,
                () -> Tables.readConfiguration(back, path));
        assertTrue(e.getMessage().contains(path + " ensemble=t chain=0 update=9"), e.getMessage());
        assertTrue(e.getMessage().contains("dims [4, 4, 4, 4]"), e.getMessage());
    }

    @Test
    void wrongGroupAndSchemaVersionAreRefused() {
        Row good = Tables.configurationRow(CONFIG, EnsembleJson.toJson(CONFIG), "java", saved(0, 9));
        String path = writeTable("other", List.of(withColumn(good, Tables.C_GROUP, "SU2"),
                withColumn(withColumn(good, Tables.C_SCHEMA_VERSION, 1), Tables.C_CHAIN, 1)));
        List<Row> back = Tables.readConfigurationTable(spark, path).orderBy("chain").collectAsList();
        CorruptConfigurationException g = assertThrows(CorruptConfigurationException.class,
                () -> Tables.readConfiguration(back.get(0), path));
        assertTrue(g.getMessage().contains("chain=0 update=9") && g.getMessage().contains("group SU2"), g.getMessage());
        CorruptConfigurationException v = assertThrows(CorruptConfigurationException.class,
                () -> Tables.readConfiguration(back.get(1), path));
        assertTrue(v.getMessage().contains("chain=1 update=9") && v.getMessage().contains("schema_version 1")
                        && v.getMessage().contains("older table"),
                v.getMessage());
    }

    private static final ChainConfig PHI4 = ChainConfig.builder().ensemble("p").theory(ChainConfig.Theory.PHI4)
            .extents(6, 4).algorithm(ChainConfig.Algorithm.FLOW).chains(2).thermalization(0).configurations(5).build();

    private static SavedConfiguration scalar(int chain, long update) {
        ScalarField f = ScalarField.hot(PHI4.lattice(), new RandomStream(5, chain), Parallelism.serial());
        List<UpdateRecord> history = List.of(new UpdateRecord(update, 0.25, true, 0.3, 0, -1.5 - update));
        return new SavedConfiguration(chain, update, f, 0.3, history, -1.5 - update);
    }

    @Test
    void scalarRowsRoundTripWithTheirLogWeightsAndDamageIsRefused() {
        String json = EnsembleJson.toJson(PHI4);
        SavedConfiguration a = scalar(1, 4);
        Row good = Tables.configurationRow(PHI4, json, "java", a);
        byte[] flipped = ((byte[]) good.get(Tables.C_LINKS)).clone();
        flipped[17] ^= 0x01;
        byte[] nan = ((byte[]) good.get(Tables.C_LINKS)).clone();
        java.nio.ByteBuffer.wrap(nan).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(8 * 3, Double.NaN);
        String path = writeTable("scalar", List.of(good,
                withColumn(withColumn(good, Tables.C_LINKS, flipped), Tables.C_UPDATE, 1L),
                withColumn(withColumn(withColumn(good, Tables.C_LINKS, nan), Tables.C_CHECKSUM,
                        ConfigurationCodec.checksum(nan)), Tables.C_UPDATE, 2L),
                withColumn(withColumn(good, Tables.C_GROUP, "SU2"), Tables.C_UPDATE, 3L)));
        List<Row> back = Tables.readConfigurationTable(spark, path).orderBy("update").collectAsList();
        StoredConfiguration sc = Tables.readConfiguration(back.get(3), path);
        assertArrayEquals(a.field().data(), sc.field().data());
        assertEquals(a.history(), sc.history());
        assertEquals(-5.5, sc.logWeight());
        assertEquals(Tables.SCALAR_GROUP, back.get(3).getString(Tables.C_GROUP));
        assertTrue(Double.isNaN(back.get(3).getDouble(Tables.C_BETA)), "a scalar row has no beta");
        String[] expected = {"checksum mismatch", "site 3 holds a non-finite number", "group SU2"};
        for (int i = 0; i < 3; i++) {
            Row r = back.get(i);
            CorruptConfigurationException e = assertThrows(CorruptConfigurationException.class,
                    () -> Tables.readConfiguration(r, path));
            assertTrue(e.getMessage().contains("ensemble=p chain=1 update=" + (i + 1))
                    && e.getMessage().contains(expected[i]), e.getMessage());
        }
    }

    @Test
    void missingTableIsBadInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Tables.readConfigurationTable(spark, dir.resolve("none").toString()));
        assertTrue(e.getMessage().contains("none"), e.getMessage());
    }
}
