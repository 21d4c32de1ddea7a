package org.latticespark.lattice.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.field.LatticeField;
import org.latticespark.lattice.scalar.ScalarField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;

/**
 * The stored form of a field: its flat array (a gauge field's links in ILDG order, a scalar field's site values in
 * lexicographic order) as little-endian doubles, with a SHA-256 checksum. Decoding verifies length, checksum,
 * finiteness and, for a gauge field, the group manifold.
 */
public final class ConfigurationCodec {
    public static final String CHECKSUM_PREFIX = "sha256:";
    /** Links further than this from the group are refused: far above round-off, far below any real damage. */
    public static final double GROUP_TOLERANCE = 1e-9;

    private ConfigurationCodec() {}

    public static byte[] encode(LatticeField field) {
        double[] links = field.data();
        ByteBuffer buf = ByteBuffer.allocate(links.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(links);
        return buf.array();
    }

    public static String checksum(byte[] blob) {
        try {
            return CHECKSUM_PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /**
     * Decodes and verifies a stored field.
     *
     * @param where names the stored item in error messages (file, ensemble, chain, index)
     */
    public static GaugeField decode(byte[] blob, String checksum, GaugeGroup group, Lattice lattice, String where) {
        long expected = (long) lattice.links() * group.matrixSize() * Double.BYTES;
        if (blob == null || blob.length != expected) {
            throw new CorruptConfigurationException(where + ": link blob has " + (blob == null ? 0 : blob.length)
                    + " bytes, " + group + " on " + lattice + " needs " + expected);
        }
        String actual = checksum(blob);
        if (!actual.equals(checksum)) {
            throw new CorruptConfigurationException(where + ": checksum mismatch, stored " + checksum
                    + ", computed " + actual);
        }
        double[] links = new double[lattice.links() * group.matrixSize()];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(links);
        GaugeField field = new GaugeField(lattice, group, links);
        int ms = group.matrixSize();
        for (int l = 0; l < lattice.links(); l++) {
            for (int i = 0; i < ms; i++) {
                if (!Double.isFinite(links[l * ms + i])) {
                    throw new CorruptConfigurationException(where + ": link " + l + " holds a non-finite number");
                }
            }
            double dev = group.groupDeviation(links, l * ms);
            if (!(dev < GROUP_TOLERANCE)) {
                throw new CorruptConfigurationException(where + ": link " + l + " is " + dev + " away from "
                        + group + " (tolerance " + GROUP_TOLERANCE + ")");
            }
        }
        return field;
    }

    /**
     * Decodes and verifies a stored scalar field: V doubles, checksum, finiteness.
     *
     * @param where names the stored item in error messages (file, ensemble, chain, index)
     */
    public static ScalarField decodeScalar(byte[] blob, String checksum, Lattice lattice, String where) {
        long expected = (long) lattice.volume() * Double.BYTES;
        if (blob == null || blob.length != expected) {
            throw new CorruptConfigurationException(where + ": field blob has " + (blob == null ? 0 : blob.length)
                    + " bytes, a scalar field on " + lattice + " needs " + expected);
        }
        String actual = checksum(blob);
        if (!actual.equals(checksum)) {
            throw new CorruptConfigurationException(where + ": checksum mismatch, stored " + checksum
                    + ", computed " + actual);
        }
        double[] values = new double[lattice.volume()];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        for (int x = 0; x < values.length; x++) {
            if (!Double.isFinite(values[x])) {
                throw new CorruptConfigurationException(where + ": site " + x + " holds a non-finite number");
            }
        }
        return new ScalarField(lattice, values);
    }
}
