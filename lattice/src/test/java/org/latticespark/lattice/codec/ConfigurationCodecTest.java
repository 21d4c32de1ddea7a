package org.latticespark.lattice.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

class ConfigurationCodecTest {
    private final Lattice lat = new Lattice(4, 4, 2, 2);
    private final GaugeGroup su3 = GaugeGroup.of("SU3");
    private final GaugeField field = GaugeField.hot(lat, su3, new RandomStream(1, 0), Parallelism.serial());

    @Test
    void roundTripIsBitExact() {
        byte[] blob = ConfigurationCodec.encode(field);
        GaugeField back = ConfigurationCodec.decode(blob, ConfigurationCodec.checksum(blob), su3, lat, "test");
        assertArrayEquals(field.links(), back.links());
        assertTrue(blob[0] == (byte) Double.doubleToRawLongBits(field.links()[0]), "little-endian");
    }

    @Test
    void corruptionIsRefusedWithTheLocation() {
        byte[] blob = ConfigurationCodec.encode(field);
        String sum = ConfigurationCodec.checksum(blob);
        blob[1000] ^= 1;
        var e = assertThrows(CorruptConfigurationException.class,
                () -> ConfigurationCodec.decode(blob, sum, su3, lat, "chain 3 update 40"));
        assertTrue(e.getMessage().contains("chain 3 update 40") && e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void mismatchedShapeOrGroupIsRefused() {
        byte[] blob = ConfigurationCodec.encode(field);
        String sum = ConfigurationCodec.checksum(blob);
        var e = assertThrows(CorruptConfigurationException.class,
                () -> ConfigurationCodec.decode(blob, sum, su3, new Lattice(4, 4, 4, 2), "x"));
        assertTrue(e.getMessage().contains("needs"), e.getMessage());
        assertThrows(CorruptConfigurationException.class,
                () -> ConfigurationCodec.decode(blob, sum, GaugeGroup.of("SU2"), lat, "x"));
    }

    @Test
    void nonUnitaryLinksAreRefused() {
        GaugeField bad = field.copy();
        bad.links()[18 * 5] += 1e-6;
        byte[] blob = ConfigurationCodec.encode(bad);
        var e = assertThrows(CorruptConfigurationException.class,
                () -> ConfigurationCodec.decode(blob, ConfigurationCodec.checksum(blob), su3, lat, "x"));
        assertTrue(e.getMessage().contains("link 5"), e.getMessage());
    }
}
