package org.latticespark.generation.flow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.scalar.Phi4Action;

/**
 * The trained-weights file of a flow. Big-endian ({@link DataOutputStream}) fields, in order:
 * <pre>
 *   8 bytes  magic "LSFLOW\r\n"
 *   int      format version (1)
 *   int d, int[d]                  lattice extents (direction 0 first)
 *   double m², double λ            the φ⁴ action it was trained for
 *   int layers, int n, int[n] hidden channels, int kernel size, UTF activation key, boolean tanh scale
 *   long steps, int batch, long seed, double final loss, double final ESS/N, double wall seconds
 *   int P, double[P]               the parameters
 *   32 bytes SHA-256 of every byte before it (header and parameters)
 * </pre>
 * Reading checks magic, version (a newer one is refused by name), length, checksum and the parameter count the
 * architecture implies; {@link #load} also refuses a flow whose lattice or action (compared exactly) is not the
 * expected one. Every error names the file and the field. Saving writes a temporary file in the same directory,
 * forces it to disk and renames it over the target, so a failed save leaves no partial file behind.
 */
public final class FlowWeights {
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "LSFLOW\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = 32;
    private static final int MAX_DIMENSIONS = 8;
    private static final int MAX_HIDDEN_LAYERS = 1024;

    /** A flow read from a file, with the action it was trained for and how it was trained. */
    public record Contents(RealNvpFlow flow, Phi4Action action, TrainingSummary training) {}

    private FlowWeights() {}

    public static void save(Path file, RealNvpFlow flow, Phi4Action action, TrainingSummary training)
            throws IOException {
        byte[] bytes = encode(flow, action, training);
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, absolute.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new IOException(file + ": cannot write flow weights (" + e + ")", e);
        }
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException(file + ": cannot write flow weights (" + e + ")", e);
        } catch (RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Reads a weights file, refusing it unless its lattice and action are exactly the expected ones. */
    public static Contents load(Path file, Lattice expectedLattice, Phi4Action expectedAction) throws IOException {
        Contents c = read(file);
        Lattice lat = c.flow().lattice();
        if (!lat.equals(expectedLattice)) {
            throw new IOException(file + ": lattice " + Arrays.toString(lat.extents())
                    + " does not match the ensemble's " + Arrays.toString(expectedLattice.extents()));
        }
        if (Double.compare(c.action().mSquared(), expectedAction.mSquared()) != 0) {
            throw new IOException(file + ": action m2 = " + c.action().mSquared() + " does not match the ensemble's "
                    + expectedAction.mSquared());
        }
        if (Double.compare(c.action().lambda(), expectedAction.lambda()) != 0) {
            throw new IOException(file + ": action lambda = " + c.action().lambda() + " does not match the ensemble's "
                    + expectedAction.lambda());
        }
        return c;
    }

    /** Reads and verifies a weights file without comparing it with an ensemble. */
    public static Contents read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read flow weights (" + e + ")", e);
        }
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IOException(file + ": not a LatticeSpark flow weights file (magic)");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length,
                bytes.length - MAGIC.length));
        try {
            int version = in.readInt();
            if (version > FORMAT_VERSION) {
                throw new IOException(file + ": written by a newer LatticeSpark, format " + version
                        + " (this build reads format " + FORMAT_VERSION + ")");
            }
            if (version < 1) throw new IOException(file + ": format version " + version + " is invalid");
            int d = in.readInt();
            if (d < 1 || d > MAX_DIMENSIONS) throw new IOException(file + ": lattice dimension " + d + " is invalid");
            int[] extents = new int[d];
            long volume = 1;
            for (int mu = 0; mu < d; mu++) {
                extents[mu] = in.readInt();
                volume *= Math.max(1, extents[mu]);
                if (extents[mu] < 1 || volume > Integer.MAX_VALUE) {
                    throw new IOException(file + ": lattice extents " + Arrays.toString(extents) + " are invalid");
                }
            }
            double m2 = in.readDouble();
            double lambda = in.readDouble();
            int layers = in.readInt();
            int hiddenLayers = in.readInt();
            if (hiddenLayers < 0 || hiddenLayers > MAX_HIDDEN_LAYERS) {
                throw new IOException(file + ": hidden-channels count " + hiddenLayers + " is invalid");
            }
            int[] hidden = new int[hiddenLayers];
            for (int j = 0; j < hiddenLayers; j++) hidden[j] = in.readInt();
            int kernel = in.readInt();
            String activation = in.readUTF();
            boolean tanhScale = in.readBoolean();
            TrainingSummary training = new TrainingSummary(in.readLong(), in.readInt(), in.readLong(), in.readDouble(),
                    in.readDouble(), in.readDouble());
            int count = in.readInt();
            if (count < 0 || (long) count * Double.BYTES > in.available()) {
                throw new IOException(file + ": truncated (parameter count " + count + ", " + bytes.length + " bytes)");
            }
            double[] parameters = new double[count];
            for (int i = 0; i < count; i++) parameters[i] = in.readDouble();
            int bodyLength = bytes.length - in.available();
            if (in.available() < DIGEST_BYTES) {
                throw new IOException(file + ": truncated (checksum missing, " + bytes.length + " bytes)");
            }
            if (in.available() > DIGEST_BYTES) {
                throw new IOException(file + ": " + (in.available() - DIGEST_BYTES) + " unexpected trailing bytes");
            }
            byte[] digest = sha256(bytes, bodyLength);
            if (!Arrays.equals(digest, Arrays.copyOfRange(bytes, bodyLength, bytes.length))) {
                throw new IOException(file + ": checksum mismatch (SHA-256): the file is corrupted");
            }
            Lattice lattice = new Lattice(extents);
            FlowArchitecture arch;
            Phi4Action action;
            try {
                arch = new FlowArchitecture(layers, hidden, kernel, Activation.parse(activation), tanhScale);
                action = new Phi4Action(m2, lambda);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
            int expected = arch.parameterCount(d);
            if (count != expected) {
                throw new IOException(file + ": parameter count " + count + " does not match the architecture's "
                        + expected + " (" + arch + ")");
            }
            return new Contents(new RealNvpFlow(lattice, arch, parameters), action, training);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated (" + bytes.length + " bytes)", e);
        }
    }

    private static byte[] encode(RealNvpFlow flow, Phi4Action action, TrainingSummary t) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(FORMAT_VERSION);
        int[] extents = flow.lattice().extents();
        out.writeInt(extents.length);
        for (int e : extents) out.writeInt(e);
        out.writeDouble(action.mSquared());
        out.writeDouble(action.lambda());
        FlowArchitecture a = flow.architecture();
        out.writeInt(a.couplingLayers());
        int[] hidden = a.hiddenChannels();
        out.writeInt(hidden.length);
        for (int c : hidden) out.writeInt(c);
        out.writeInt(a.kernelSize());
        out.writeUTF(a.activation().key());
        out.writeBoolean(a.tanhScale());
        out.writeLong(t.steps());
        out.writeInt(t.batch());
        out.writeLong(t.seed());
        out.writeDouble(t.finalLoss());
        out.writeDouble(t.finalEss());
        out.writeDouble(t.wallSeconds());
        double[] p = flow.parameters();
        out.writeInt(p.length);
        for (double v : p) out.writeDouble(v);
        out.flush();
        byte[] body = bytes.toByteArray();
        out.write(sha256(body, body.length));
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
