package org.latticespark.spark.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;
import scala.Option;
import org.latticespark.spark.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an output folder or file so that no half-written result is ever left under its final
 * name: the content goes to a hidden temporary sibling ({@code .<name>.tmp-<uuid>}), which is
 * renamed to the target on success and deleted on failure. Works on any Hadoop file system
 * (local, HDFS, S3A with its rename caveats).
 */
public final class AtomicOutput {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicOutput.class);

    /** The body that writes to the temporary path. */
    @FunctionalInterface
    public interface Writer<T> {
        T write(String temporaryPath) throws Throwable;
    }

    private AtomicOutput() {}

    /** Refuses an existing target unless {@code overwrite}: an {@link OutputExistsException}. */
    public static void checkTarget(SparkSession spark, String target, boolean overwrite) {
        checkTarget(spark.sparkContext().hadoopConfiguration(), target, overwrite);
    }

    public static void checkTarget(Configuration conf, String target, boolean overwrite) {
        if (overwrite) return;
        try {
            Path p = new Path(target);
            if (p.getFileSystem(conf).exists(p)) {
                throw new OutputExistsException(target + " already exists (use --overwrite to replace it)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + target, e);
        }
    }

    /**
     * After {@code replaced} was overwritten (or appended to), removes the outputs derived from its
     * old content, so that no later job reads results of data that no longer exists.
     */
    public static void removeDerived(SparkSession spark, OutputLayout layout, String replaced) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        for (String derived : layout.derivedFrom(replaced)) {
            try {
                Path p = new Path(derived);
                FileSystem fs = p.getFileSystem(conf);
                if (fs.exists(p)) {
                    fs.delete(p, true);
                    LOG.info("removed {}: it was derived from {}, which changed", derived, replaced);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the stale " + derived, e);
            }
        }
    }

    /** Requires an input folder or file to exist: an {@link InvalidInputException} naming it otherwise. */
    public static void requireInput(SparkSession spark, String path, String what) {
        requireInput(spark.sparkContext().hadoopConfiguration(), path, what);
    }

    public static void requireInput(Configuration conf, String path, String what) {
        try {
            Path p = new Path(path);
            if (!p.getFileSystem(conf).exists(p)) {
                throw new InvalidInputException("no " + what + " at " + path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + path, e);
        }
    }

    /**
     * Runs {@code body} on a fresh temporary path next to {@code target}, then renames it to
     * {@code target} (replacing an existing one only if {@code overwrite}).
     */
    public static <T> T write(SparkSession spark, String target, boolean overwrite, Writer<T> body) {
        return write(spark.sparkContext().hadoopConfiguration(), target, overwrite, waitingForTasks(spark, body));
    }

    /**
     * Appends to an existing table folder, all or nothing: {@code body} writes the new files (a
     * complete Parquet table) to a fresh temporary sibling {@code .<name>.tmp-<uuid>}, exactly as
     * for {@link #write}; only when it has succeeded are its data files renamed into {@code target},
     * under their own names (Spark's part file names carry the writing job's UUID, so they never
     * collide with the files already there; a collision is refused before anything moves). A body
     * that fails leaves {@code target} untouched and the temporary folder removed; a rename that
     * fails moves the files already moved back out. The renames are metadata operations on the
     * driver, milliseconds for the few files of a job (one per task); only a driver killed during
     * them leaves part of the new files in the table.
     *
     * @throws InvalidInputException when {@code target} is not an existing folder
     */
    public static <T> T append(SparkSession spark, String target, Writer<T> body) {
        return append(spark.sparkContext().hadoopConfiguration(), target, waitingForTasks(spark, body));
    }

    /**
     * The body, with its Spark jobs tagged so that on failure we can wait for their tasks: an
     * aborted job's other tasks are only told to stop, and may still write into the temporary
     * folder for a moment after the failure reaches us.
     */
    private static <T> Writer<T> waitingForTasks(SparkSession spark, Writer<T> body) {
        SparkContext sc = spark.sparkContext();
        String tag = "latticespark-write-" + UUID.randomUUID();
        return tmp -> {
            sc.addJobTag(tag);
            try {
                return body.write(tmp);
            } catch (Throwable t) {
                sc.cancelJobsWithTag(tag);
                awaitTasks(sc, tag, TASK_WAIT_MILLIS);
                throw t;
            } finally {
                sc.removeJobTag(tag);
            }
        };
    }

    private static final long TASK_WAIT_MILLIS = 60_000;

    /** Waits until no task of the tagged jobs runs any more (as far as the driver's status store knows). */
    private static void awaitTasks(SparkContext sc, String tag, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        SparkStatusTracker st = sc.statusTracker();
        while (System.currentTimeMillis() < deadline) {
            int active = 0;
            for (int job : st.getJobIdsForTag(tag)) {
                Option<SparkJobInfo> info = st.getJobInfo(job);
                if (info.isEmpty()) continue;
                for (int stage : info.get().stageIds()) {
                    Option<SparkStageInfo> si = st.getStageInfo(stage);
                    if (si.isDefined()) active += si.get().numActiveTasks();
                }
            }
            if (active == 0) return;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warn("tasks of a failed write still run after {} s; they may leave files in its temporary folder",
                timeoutMillis / 1000);
    }

    public static <T> T write(Configuration conf, String target, boolean overwrite, Writer<T> body) {
        checkTarget(conf, target, overwrite);
        Path dst = new Path(target);
        Path tmp = new Path(dst.getParent(), "." + dst.getName() + ".tmp-" + UUID.randomUUID());
        FileSystem fs;
        try {
            fs = dst.getFileSystem(conf);
            fs.mkdirs(dst.getParent());
            warnAboutOrphans(fs, dst);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + target, e);
        }
        boolean done = false;
        try {
            T result = body.write(tmp.toString());
            if (fs.exists(dst)) {
                if (!overwrite) {
                    throw new OutputExistsException(target + " appeared while writing (use --overwrite to replace it)");
                }
                if (!fs.delete(dst, true)) throw new IOException("cannot delete the old " + target);
            }
            if (!fs.rename(tmp, dst)) throw new IOException("cannot rename " + tmp + " to " + target);
            done = true;
            return result;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new RuntimeException("writing " + target + " failed: " + e.getMessage(), e);
        } finally {
            if (!done) {
                try {
                    if (fs.exists(tmp)) fs.delete(tmp, true);
                } catch (IOException e) {
                    LOG.warn("could not remove the temporary {}: {}", tmp, e.toString());
                }
            }
        }
    }

    public static <T> T append(Configuration conf, String target, Writer<T> body) {
        Path dst = new Path(target);
        Path tmp = new Path(dst.getParent(), "." + dst.getName() + ".tmp-" + UUID.randomUUID());
        FileSystem fs;
        try {
            fs = dst.getFileSystem(conf);
            if (!fs.exists(dst) || !fs.getFileStatus(dst).isDirectory()) {
                throw new InvalidInputException("no table to append to at " + target);
            }
            warnAboutOrphans(fs, dst);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + target, e);
        }
        List<Path[]> moved = new ArrayList<>(); // {from, to}
        boolean done = false;
        try {
            T result = body.write(tmp.toString());
            FileStatus[] files = fs.exists(tmp) ? fs.listStatus(tmp, AtomicOutput::isDataFile) : new FileStatus[0];
            List<Path[]> moves = new ArrayList<>();
            for (FileStatus f : files) {
                if (!f.isFile()) throw new IOException("unexpected folder " + f.getPath() + " in the files to append");
                Path to = new Path(dst, f.getPath().getName());
                if (fs.exists(to)) throw new IOException(target + " already has a file " + to.getName());
                moves.add(new Path[] {f.getPath(), to});
            }
            for (Path[] m : moves) {
                if (!fs.rename(m[0], m[1])) throw new IOException("cannot move " + m[0] + " to " + m[1]);
                moved.add(m);
            }
            done = true;
            if (!moves.isEmpty()) LOG.info("appended {} file(s) to {}", moves.size(), target);
            return result;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new RuntimeException("appending to " + target + " failed: " + e.getMessage(), e);
        } finally {
            if (!done) {
                for (int i = moved.size() - 1; i >= 0; i--) {
                    Path[] m = moved.get(i);
                    try {
                        if (!fs.rename(m[1], m[0])) throw new IOException("rename returned false");
                    } catch (IOException e) {
                        LOG.error("could not take the partly appended {} back out of {}: {}; remove it by hand",
                                m[1], target, e.toString());
                    }
                }
            }
            try {
                if (fs.exists(tmp)) fs.delete(tmp, true);
            } catch (IOException e) {
                LOG.warn("could not remove the temporary {}: {}", tmp, e.toString());
            }
        }
    }

    /** Files Spark and Hadoop readers take as data: not hidden ({@code .name}) and not metadata ({@code _SUCCESS}). */
    private static boolean isDataFile(Path p) {
        String n = p.getName();
        return !n.startsWith(".") && !n.startsWith("_");
    }

    /** Writes small text files (name → content, UTF-8) as one folder, atomically. */
    public static void writeTextFiles(Configuration conf, String targetFolder, boolean overwrite,
                                      Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            bytes.put(f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8));
        }
        writeFiles(conf, targetFolder, overwrite, bytes);
    }

    /**
     * Writes files (relative path → bytes, in map order) as one folder, atomically: all of them appear
     * at once under {@code targetFolder}, or none. Paths may name subfolders ({@code plots/a/b.png}),
     * which are made as needed.
     *
     * @throws IllegalArgumentException for an empty, absolute or {@code ..}-containing path
     */
    public static void writeFiles(Configuration conf, String targetFolder, boolean overwrite, Map<String, byte[]> files) {
        for (String name : files.keySet()) checkRelative(name);
        write(conf, targetFolder, overwrite, tmp -> {
            Path dir = new Path(tmp);
            FileSystem fs = FileSystem.newInstance(dir.toUri(), conf);
            try {
                fs.setWriteChecksum(false);
                fs.mkdirs(dir);
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    Path p = new Path(dir, f.getKey());
                    if (!p.getParent().equals(dir)) fs.mkdirs(p.getParent());
                    try (OutputStream out = fs.create(p, false)) {
                        out.write(f.getValue());
                    }
                }
            } finally {
                fs.close();
            }
            return null;
        });
    }

    private static void checkRelative(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.contains("\\")) {
            throw new IllegalArgumentException("file name must be a relative path with '/' separators, got '" + name + "'");
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains(":")) {
                throw new IllegalArgumentException("file name must not contain empty, '.', '..' or ':' parts, got '"
                        + name + "'");
            }
        }
    }

    /** Writes one small text file atomically (temporary sibling, then rename). */
    public static void writeTextFile(Configuration conf, String target, boolean overwrite, String content) {
        write(conf, target, overwrite, tmp -> {
            Path p = new Path(tmp);
            FileSystem fs = FileSystem.newInstance(p.toUri(), conf);
            try {
                fs.setWriteChecksum(false);
                try (OutputStream out = fs.create(p, false)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                }
            } finally {
                fs.close();
            }
            return null;
        });
    }

    private static void warnAboutOrphans(FileSystem fs, Path dst) throws IOException {
        FileStatus[] orphans = fs.globStatus(new Path(dst.getParent(), "." + dst.getName() + ".tmp-*"));
        if (orphans != null && orphans.length > 0) {
            LOG.warn("{} temporary folder(s) of an interrupted earlier write next to {} (e.g. {}); "
                    + "remove them when no other job is writing there", orphans.length, dst, orphans[0].getPath());
        }
    }
}
