package org.latticespark.tests.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.launcher.JavaModuleOptions;
import org.apache.spark.sql.SparkSession;

/**
 * A real Spark standalone cluster for tests: one Master and one Worker, each in its own child JVM on
 * 127.0.0.1, started from this JVM's classpath (no Spark distribution needed). The Worker launches the
 * executors as further JVMs, so tasks really run in another process, with real serialization.
 *
 * <pre>{@code
 * try (StandaloneCluster cluster = StandaloneCluster.start()) {
 *     SparkSession spark = cluster.sessionBuilder("my-test").getOrCreate();
 *     try {
 *         ...
 *     } finally {
 *         spark.stop();          // stop the session before the cluster
 *     }
 * }
 * }</pre>
 *
 * <p>Layout of the temporary directory (deleted by {@link #close()}; kept if the system property
 * {@value #KEEP_DIR_PROPERTY} is {@code true}): it is the {@code SPARK_HOME} of both daemons, with an empty
 * {@code jars/} (executors get this JVM's classpath through {@code spark.executor.extraClassPath}),
 * {@code master.log}, {@code worker.log}, {@code work/} (the Worker's work dir: one folder per application
 * with each executor's {@code stdout}/{@code stderr}), {@code local/} (executor scratch space), {@code driver-local/}
 * (the driver's scratch space when the session comes from {@link #sessionBuilder}) and {@code tmp/}.
 *
 * <p>Child JVMs cannot outlive the test JVM: {@link #close()} stops them (SIGTERM, then SIGKILL after
 * {@link #STOP_GRACE}), a shutdown hook kills them if {@code close()} was never called, and the daemons run
 * under {@link ParentWatchingMain}, which exits when this JVM is gone even after a SIGKILL.
 */
public final class StandaloneCluster implements AutoCloseable {
    public static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
    public static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";
    public static final String HOST = "127.0.0.1";
    public static final String KEEP_DIR_PROPERTY = "latticespark.cluster.keepDir";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);
    public static final int DEFAULT_WORKER_CORES = 2;
    public static final String DEFAULT_WORKER_MEMORY = "2g";

    private static final String DAEMON_HEAP = "-Xmx256m";
    private static final int LOG_TAIL_LINES = 60;
    private static final int PORT_ATTEMPTS = 3;
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

    private final Path home;
    private final Path work;
    private final Path local;
    private final Path tmp;
    private final Path masterLog;
    private final Path workerLog;
    private final String classPath = runtimeClassPath();
    private final int masterPort;
    private final int masterWebUiPort;
    private final int workerWebUiPort;
    private final int workerCores;
    private final String workerMemory;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Every process seen: the daemons and all their descendants (executors), for the final sweep. */
    private final Set<ProcessHandle> processes = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook = new Thread(this::killNow, "standalone-cluster-kill");

    private volatile Process master;
    private volatile Process worker;
    private volatile boolean closed;
    private Duration startupTime;

    private StandaloneCluster(int workerCores, String workerMemory) throws IOException {
        this.workerCores = workerCores;
        this.workerMemory = workerMemory;
        int[] ports = freeLoopbackPorts(3);
        this.masterPort = ports[0];
        this.masterWebUiPort = ports[1];
        this.workerWebUiPort = ports[2];
        this.home = Files.createTempDirectory("latticespark-cluster-");
        Files.createDirectories(home.resolve("jars"));
        this.work = Files.createDirectories(home.resolve("work"));
        this.local = Files.createDirectories(home.resolve("local"));
        this.tmp = Files.createDirectories(home.resolve("tmp"));
        this.masterLog = home.resolve("master.log");
        this.workerLog = home.resolve("worker.log");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** One Master and one Worker with {@value #DEFAULT_WORKER_CORES} cores and {@value #DEFAULT_WORKER_MEMORY}. */
    public static StandaloneCluster start() {
        return start(DEFAULT_WORKER_CORES, DEFAULT_WORKER_MEMORY, DEFAULT_STARTUP_TIMEOUT);
    }

    /**
     * Starts the Master, then the Worker once the Master answers, and returns when the Worker has registered.
     * A port taken between choosing it and binding it (the daemons bind with {@code spark.port.maxRetries=0}
     * so that they never silently move to another port) is retried with new ports.
     *
     * @throws IllegalStateException with the tails of both logs if the cluster is not up within {@code timeout};
     *                               everything started is stopped and deleted first
     */
    public static StandaloneCluster start(int workerCores, String workerMemory, Duration timeout) {
        for (int attempt = 1; ; attempt++) {
            StandaloneCluster cluster;
            try {
                cluster = new StandaloneCluster(workerCores, workerMemory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the cluster directory", e);
            }
            try {
                cluster.launch(timeout);
                return cluster;
            } catch (RuntimeException | Error e) {
                boolean portTaken = cluster.portCollision();
                cluster.close();
                if (!portTaken || attempt >= PORT_ATTEMPTS) {
                    throw e;
                }
            } catch (InterruptedException e) {
                cluster.close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the Spark standalone cluster", e);
            }
        }
    }

    private void launch(Duration timeout) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        try {
            master = startDaemon(MASTER_CLASS, masterLog, List.of(
                    "--host", HOST, "--port", Integer.toString(masterPort),
                    "--webui-port", Integer.toString(masterWebUiPort)));
            awaitCondition(deadline, timeout, "the Master to answer on " + masterJsonUrl(),
                    () -> masterState().filter(s -> "ALIVE".equals(field(STATUS, s))).isPresent());
            worker = startDaemon(WORKER_CLASS, workerLog, List.of(
                    "--host", HOST, "--cores", Integer.toString(workerCores), "--memory", workerMemory,
                    "--webui-port", Integer.toString(workerWebUiPort), "--work-dir", work.toString(),
                    masterUrl()));
            awaitCondition(deadline, timeout, "the Worker to register with the Master",
                    () -> masterState().map(s -> field(ALIVE_WORKERS, s)).map(Integer::parseInt).orElse(0) >= 1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Spark standalone cluster\n" + diagnostics(), e);
        }
        startupTime = Duration.ofNanos(System.nanoTime() - t0);
    }

    private interface Check {
        boolean ok();
    }

    private void awaitCondition(long deadline, Duration timeout, String what, Check check) throws InterruptedException {
        while (true) {
            for (Process p : new Process[] {master, worker}) {
                if (p != null && !p.isAlive()) {
                    throw new IllegalStateException("Spark standalone cluster: " + (p == master ? "Master" : "Worker")
                            + " JVM exited with code " + p.exitValue() + " while waiting for " + what + "\n" + diagnostics());
                }
            }
            if (check.ok()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Spark standalone cluster did not come up within " + timeout.toSeconds()
                        + " s: still waiting for " + what + "\n" + diagnostics());
            }
            Thread.sleep(200);
        }
    }

    private Process startDaemon(String mainClass, Path log, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(sparkJvmOptions());
        cmd.addAll(List.of(DAEMON_HEAP, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + tmp,
                "-Dspark.master.rest.enabled=false",
                "-Dspark.port.maxRetries=0",
                "-Dspark.local.dir=" + local,
                "-cp", classPath,
                ParentWatchingMain.class.getName(), mainClass));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // stdin stays a pipe: ParentWatchingMain exits when this JVM (its write end) is gone
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SPARK_"));
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", HOST);              // web UIs bind to loopback, not 0.0.0.0
        env.put("JAVA_HOME", System.getProperty("java.home")); // executors use this JVM's java
        Process p = pb.start();
        processes.add(p.toHandle());
        return p;
    }

    // ------------------------------------------------------------------------------------------ session

    /**
     * A session builder for this cluster: master URL, loopback driver, no UI, this JVM's classpath for the
     * executors, one executor with all the Worker's cores and 1 GiB. The JVM flags Spark needs on Java 17 are
     * not set: Spark adds {@link JavaModuleOptions} to every executor command line itself (checked by
     * {@code StandaloneClusterTest}). Add or override settings with {@code .config(...)} before
     * {@code getOrCreate()}; beware that {@code getOrCreate()} returns an already active session of this JVM
     * if there is one (check {@code spark.sparkContext().master()}). Stop the session before closing the cluster.
     */
    public SparkSession.Builder sessionBuilder(String appName) {
        try {
            Files.createDirectories(home.resolve("driver-local"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SparkSession.builder()
                .appName(appName)
                .master(masterUrl())
                .config("spark.driver.host", HOST)
                .config("spark.driver.bindAddress", HOST)
                .config("spark.ui.enabled", "false")
                .config("spark.local.dir", home.resolve("driver-local").toString())
                .config("spark.sql.warehouse.dir", home.resolve("warehouse").toUri().toString())
                .config("spark.executor.extraClassPath", classPath)
                .config("spark.executor.memory", "1g")
                .config("spark.executor.cores", Integer.toString(workerCores))
                .config("spark.cores.max", Integer.toString(workerCores))
                .config("spark.sql.shuffle.partitions", "4");
    }

    // ------------------------------------------------------------------------------------------ accessors

    public String masterUrl() {
        return "spark://" + HOST + ":" + masterPort;
    }

    public String masterWebUiUrl() {
        return "http://" + HOST + ":" + masterWebUiPort;
    }

    public int masterPort() {
        return masterPort;
    }

    public int masterWebUiPort() {
        return masterWebUiPort;
    }

    public int workerWebUiPort() {
        return workerWebUiPort;
    }

    /** The temporary directory, also the daemons' {@code SPARK_HOME}. */
    public Path home() {
        return home;
    }

    public Path masterLog() {
        return masterLog;
    }

    public Path workerLog() {
        return workerLog;
    }

    /** The Worker's work dir: {@code app-*}/{@code <executor id>}/{@code stderr} are the executor logs. */
    public Path workDir() {
        return work;
    }

    /** The classpath handed to the daemons and (through {@code spark.executor.extraClassPath}) to executors. */
    public String classPath() {
        return classPath;
    }

    /** Wall time from launching the Master to the Worker's registration. */
    public Duration startupTime() {
        return startupTime;
    }

    public long masterPid() {
        return master.pid();
    }

    public long workerPid() {
        return worker.pid();
    }

    /** PIDs of the live processes the Worker has launched: its executor JVMs. */
    public Set<Long> executorPids() {
        Process w = worker;
        if (w == null) {
            return Set.of();
        }
        return w.descendants().peek(processes::add).map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** PIDs of every process this cluster has started or seen (daemons and executors), alive or not. */
    public Set<Long> allPids() {
        executorPids();
        return processes.stream().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** The Master's state as JSON ({@code /json/} of its web UI), empty if it does not answer. */
    public Optional<String> masterState() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(masterJsonUrl()))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private String masterJsonUrl() {
        return masterWebUiUrl() + "/json/";
    }

    /** Tails of the Master, Worker and executor logs, for failure messages. */
    public String diagnostics() {
        StringBuilder sb = new StringBuilder();
        sb.append("cluster dir ").append(home).append(", master ").append(masterUrl())
                .append(", master UI ").append(masterWebUiPort).append(", worker UI ").append(workerWebUiPort).append('\n');
        appendTail(sb, masterLog);
        appendTail(sb, workerLog);
        if (Files.isDirectory(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.filter(f -> f.getFileName().toString().equals("stderr")).sorted().forEach(f -> appendTail(sb, f));
            } catch (IOException | UncheckedIOException e) {
                sb.append("(cannot list ").append(work).append(": ").append(e).append(")\n");
            }
        }
        return sb.toString();
    }

    private static void appendTail(StringBuilder sb, Path file) {
        sb.append("----- ").append(file).append(" (last ").append(LOG_TAIL_LINES).append(" lines) -----\n");
        try {
            List<String> lines = Arrays.asList(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\\R"));
            lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()).forEach(l -> sb.append(l).append('\n'));
        } catch (IOException e) {
            sb.append("(not readable: ").append(e).append(")\n");
        }
    }

    private boolean portCollision() {
        for (Path log : List.of(masterLog, workerLog)) {
            try {
                String s = Files.readString(log, StandardCharsets.ISO_8859_1);
                if (s.contains("java.net.BindException") || s.contains("Address already in use")) {
                    return true;
                }
            } catch (IOException e) {
                // no log, no collision to report
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------ shutdown

    /**
     * Stops Worker and Master (SIGTERM; SIGKILL after {@link #STOP_GRACE}), then kills any executor JVM that is
     * still alive, and deletes the temporary directory. Idempotent; never throws for a process that would not stop.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            executorPids(); // remember the executors before their parent goes
            List<ProcessHandle> daemons = Stream.of(worker, master).filter(p -> p != null)
                    .map(Process::toHandle).collect(Collectors.toList());
            daemons.forEach(ProcessHandle::destroy);
            for (ProcessHandle d : daemons) {
                stop(d, STOP_GRACE);
            }
            for (ProcessHandle p : processes) {
                stop(p, Duration.ZERO);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
            if (!Boolean.getBoolean(KEEP_DIR_PROPERTY)) {
                deleteTree(home);
            }
        }
    }

    private static void stop(ProcessHandle p, Duration grace) {
        try {
            if (p.isAlive() && !grace.isZero()) {
                p.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            // timed out or interrupted: kill below
        }
        if (p.isAlive()) {
            p.destroyForcibly();
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // nothing more we can do
            }
        }
    }

    /** Shutdown hook: the test JVM is exiting without {@code close()}. */
    private void killNow() {
        executorPids();
        processes.forEach(ProcessHandle::destroyForcibly);
        if (!Boolean.getBoolean(KEEP_DIR_PROPERTY)) {
            deleteTree(home);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a file vanished or cannot be read
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The JVM flags Spark needs on Java 17, from Spark's own launcher ({@code JavaModuleOptions}). */
    public static List<String> sparkJvmOptions() {
        return List.of(JavaModuleOptions.defaultModuleOptionArray());
    }

    /**
     * This JVM's classpath. Under Surefire {@code java.class.path} is only a manifest-only booter jar, so the
     * real test classpath comes from {@code surefire.test.class.path} when that is set.
     */
    static String runtimeClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String field(Pattern p, String json) {
        Matcher m = p.matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** Distinct free ports on 127.0.0.1 (all held open together, then released). */
    static int[] freeLoopbackPorts(int n) throws IOException {
        InetAddress loopback = InetAddress.getByName(HOST);
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket();
                sockets.add(s);
                s.bind(new InetSocketAddress(loopback, 0));
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }
}
