package org.latticespark.generation.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.scalar.Phi4Action;

/**
 * The weights file round-trips bit for bit and is refused, naming the file and the field, when its lattice or action
 * differs, its bytes are corrupted or truncated, its magic is wrong, its format is newer or its parameter count
 * does not fit its architecture; a failed save leaves no file. Java serialization (a Spark closure) keeps the flow's proposals bit for bit too.
 */
class FlowWeightsTest {
    private static final Lattice LATTICE = new Lattice(4, 2, 2);
    private static final Phi4Action ACTION = new Phi4Action(-4, 8);
    private static final TrainingSummary TRAINING = new TrainingSummary(300, 64, 77, -12.5, 0.42, 3.25);

    @TempDir
    Path dir;

    private RealNvpFlow flow() {
        return RealNvpFlow.initial(LATTICE, new FlowArchitecture(4, new int[] {3, 2}, 3, Activation.SILU, false), 8);
    }

    @Test
    void roundTripIsBitExact() throws IOException {
        RealNvpFlow flow = flow();
        Path file = dir.resolve("w.flow");
        FlowWeights.save(file, flow, ACTION, TRAINING);
        FlowWeights.Contents c = FlowWeights.load(file, new Lattice(4, 2, 2), new Phi4Action(-4.0, 8.0));
        assertArrayEquals(flow.parameters(), c.flow().parameters());
        assertEquals(flow.architecture(), c.flow().architecture());
        assertEquals(ACTION, c.action());
        assertEquals(TRAINING, c.training());
        double[] a = new double[LATTICE.volume()];
        double[] b = new double[LATTICE.volume()];
        RandomStream s = new RandomStream(1, 0);
        double qa = flow.sample(s.at(0, 4, Purpose.of(Purpose.FLOW_PRIOR, 0)), a);
        double qb = c.flow().sample(s.at(0, 4, Purpose.of(Purpose.FLOW_PRIOR, 0)), b);
        assertArrayEquals(a, b);
        assertEquals(qa, qb, 0.0);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        FlowWeights.save(file, flow, ACTION, TRAINING);
        assertEquals(c.training(), FlowWeights.read(file).training(), "overwriting an existing file works");
    }

    @Test
    void refusesAnotherLatticeOrAction() throws IOException {
        Path file = dir.resolve("w.flow");
        FlowWeights.save(file, flow(), ACTION, TRAINING);
        assertMessage(() -> FlowWeights.load(file, new Lattice(2, 4, 2), ACTION),
                file + ": lattice [4, 2, 2] does not match the ensemble's [2, 4, 2]");
        assertMessage(() -> FlowWeights.load(file, LATTICE, new Phi4Action(-4.000000000000001, 8)),
                file + ": action m2 = -4.0 does not match the ensemble's -4.000000000000001");
        assertMessage(() -> FlowWeights.load(file, LATTICE, new Phi4Action(-4, 8.5)),
                file + ": action lambda = 8.0 does not match the ensemble's 8.5");
    }

    @Test
    void refusesDamagedFiles() throws IOException {
        Path file = dir.resolve("w.flow");
        FlowWeights.save(file, flow(), ACTION, TRAINING);
        byte[] good = Files.readAllBytes(file);

        byte[] corrupted = good.clone();
        corrupted[good.length - 100] ^= 0x10;
        Files.write(file, corrupted);
        assertMessage(() -> FlowWeights.read(file), file + ": checksum mismatch (SHA-256): the file is corrupted");

        for (int length : new int[] {good.length - 1, good.length - 40, 30, 4}) {
            Files.write(file, Arrays.copyOf(good, length));
            IOException e = assertThrows(IOException.class, () -> FlowWeights.read(file));
            boolean named = e.getMessage().startsWith(file + ": truncated")
                    || length == 4 && e.getMessage().equals(file + ": not a LatticeSpark flow weights file (magic)");
            assertTrue(named, e.getMessage());
        }

        byte[] magic = good.clone();
        magic[0] = 'X';
        Files.write(file, magic);
        assertMessage(() -> FlowWeights.read(file), file + ": not a LatticeSpark flow weights file (magic)");

        byte[] newer = good.clone();
        ByteBuffer.wrap(newer).putInt(8, FlowWeights.FORMAT_VERSION + 1);
        Files.write(file, newer);
        assertMessage(() -> FlowWeights.read(file), file + ": written by a newer LatticeSpark, format "
                + (FlowWeights.FORMAT_VERSION + 1) + " (this build reads format " + FlowWeights.FORMAT_VERSION + ")");
    }

    @Test
    void refusesAParameterCountTheArchitectureDoesNotImply() throws Exception {
        Path file = dir.resolve("w.flow");
        FlowWeights.save(file, flow(), ACTION, TRAINING);
        byte[] bytes = Files.readAllBytes(file);
        // magic 8, version 4, d 4, extents 12, m² 8, λ 8, layers 4, count 4, hidden 8: the kernel size is at 60.
        ByteBuffer.wrap(bytes).putInt(60, 5);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(Arrays.copyOf(bytes, bytes.length - 32));
        System.arraycopy(digest, 0, bytes, bytes.length - 32, 32);
        Files.write(file, bytes);
        IOException e = assertThrows(IOException.class, () -> FlowWeights.read(file));
        assertTrue(e.getMessage().startsWith(file + ": parameter count " + flow().parameterCount()
                + " does not match the architecture's "), e.getMessage());
    }

    @Test
    void failedSaveLeavesNoFile() {
        Path file = dir.resolve("missing").resolve("w.flow");
        IOException e = assertThrows(IOException.class, () -> FlowWeights.save(file, flow(), ACTION, TRAINING));
        assertTrue(e.getMessage().startsWith(file + ": cannot write flow weights"), e.getMessage());
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(file.getParent()));
    }

    @Test
    void javaSerializationKeepsTheFlow() throws Exception {
        RealNvpFlow flow = flow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(flow);
        }
        RealNvpFlow copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (RealNvpFlow) in.readObject();
        }
        double[] a = new double[LATTICE.volume()];
        double[] b = new double[LATTICE.volume()];
        RandomStream s = new RandomStream(2, 0);
        assertEquals(flow.sample(s.at(0, 9, Purpose.of(Purpose.FLOW_PRIOR, 0)), a),
                copy.sample(s.at(0, 9, Purpose.of(Purpose.FLOW_PRIOR, 0)), b), 0.0);
        assertArrayEquals(a, b);
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String message) {
        IOException e = assertThrows(IOException.class, call);
        assertEquals(message, e.getMessage());
    }
}
