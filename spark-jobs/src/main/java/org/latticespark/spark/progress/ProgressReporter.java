package org.latticespark.spark.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Option;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Prints per-chain progress on the driver while the generate job runs. Running tasks' accumulator
 * values arrive with every executor heartbeat ({@code onExecutorMetricsUpdate}, local mode and
 * clusters alike, every {@code spark.executor.heartbeatInterval}); finished tasks' with
 * {@code onTaskEnd}. At most one line per {@code interval}.
 */
public final class ProgressReporter extends SparkListener {
    /**
     * A chain the job will run, to update {@code total}; a resumed chain ({@code generate --resume})
     * starts after update {@code start}, and the fraction, ETA and acceptance count only what this
     * job does.
     */
    public record Expected(String ensemble, int chain, long total, boolean showAcceptance, long start) {
        public Expected(String ensemble, int chain, long total, boolean showAcceptance) {
            this(ensemble, chain, total, showAcceptance, 0);
        }
    }

    private final long accumulatorId;
    private final List<Expected> expected;
    private final long intervalNanos;
    private final Consumer<String> sink;
    private final String label;
    private final long startNanos = System.nanoTime();
    private final Map<String, ChainProgress> latest = new HashMap<>();
    private long lastPrintNanos;
    private boolean changed;
    private String lastChains = "";

    public ProgressReporter(String label, long accumulatorId, List<Expected> expected, Duration interval,
                            Consumer<String> sink) {
        this.label = label;
        this.accumulatorId = accumulatorId;
        this.expected = List.copyOf(expected);
        this.intervalNanos = interval.toNanos();
        this.sink = sink;
        this.lastPrintNanos = startNanos;
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate event) {
        boolean any = false;
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> t
                : CollectionConverters.asJava(event.accumUpdates())) {
            for (AccumulableInfo info : CollectionConverters.asJava(t._4())) {
                any |= take(info);
            }
        }
        if (any) maybePrint(false);
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
        if (event.taskInfo() == null) return;
        boolean any = false;
        for (AccumulableInfo info : CollectionConverters.asJava(event.taskInfo().accumulables())) {
            any |= take(info);
        }
        if (any) maybePrint(false);
    }

    private synchronized boolean take(AccumulableInfo info) {
        if (info.id() != accumulatorId) return false;
        Option<Object> update = info.update();
        if (update.isEmpty() || !(update.get() instanceof Map<?, ?> m)) return false;
        boolean any = false;
        for (Object o : m.values()) {
            if (o instanceof ChainProgress p) {
                ChainProgress old = latest.get(p.key());
                if (old == null || p.attempt() > old.attempt() || (p.attempt() == old.attempt() && p.done() > old.done())) {
                    latest.put(p.key(), p);
                    any = true;
                }
            }
        }
        changed |= any;
        return any;
    }

    /** Prints the final state (call when the job has ended). */
    public void finish() {
        maybePrint(true);
    }

    /** The latest known progress of every chain that reported. */
    public synchronized Map<String, ChainProgress> snapshot() {
        return new HashMap<>(latest);
    }

    private void maybePrint(boolean force) {
        String line;
        synchronized (this) {
            long now = System.nanoTime();
            if (!force && (!changed || now - lastPrintNanos < intervalNanos)) return;
            String chains = chains();
            if (force && chains.equals(lastChains)) return; // the final state was printed already
            lastPrintNanos = now;
            changed = false;
            lastChains = chains;
            line = format(now);
        }
        sink.accept(line);
    }

    /** One compact line: elapsed time, overall fraction and ETA, then each ensemble's chains. */
    synchronized String format(long now) {
        long done = 0;
        long total = 0;
        for (Expected e : expected) {
            ChainProgress p = latest.get(ChainProgress.key(e.ensemble(), e.chain()));
            total += e.total() - e.start();
            if (p != null) done += Math.max(0, Math.min(p.done(), e.total()) - e.start());
        }
        double elapsed = (now - startNanos) / 1e9;
        double f = total == 0 ? 0 : (double) done / total;
        String eta = f >= 0.05 && f < 1 ? " eta " + clock(elapsed * (1 - f) / f) : "";
        return String.format(Locale.ROOT, "%s %s %3.0f%%%s  %s", label, clock(elapsed), 100 * f, eta, chains());
    }

    /**
     * Per ensemble, per chain: "-" (not started), "120/450 P=0.59372 acc=91%" (running; acc for
     * HMC, over the updates of this job), "done acc=93%" (finished); "retry1" marks a retried task.
     * A resumed chain starts at its stored position (e.g. "120/450 P=0.59372", the stored plaquette).
     */
    private String chains() {
        StringBuilder chains = new StringBuilder();
        String current = null;
        List<String> parts = new ArrayList<>();
        for (Expected e : expected) {
            ChainProgress p = latest.get(ChainProgress.key(e.ensemble(), e.chain()));
            if (!e.ensemble().equals(current)) {
                if (current != null) chains.append(String.join(", ", parts)).append("]  ");
                parts.clear();
                current = e.ensemble();
                chains.append(current).append('[');
            }
            if (p == null) {
                parts.add("-");
                continue;
            }
            StringBuilder s = new StringBuilder();
            if (p.finished()) {
                s.append("done");
            } else {
                s.append(p.done()).append('/').append(p.total());
                if (p.done() > 0 && !Double.isNaN(p.plaquette())) {
                    s.append(String.format(Locale.ROOT, " P=%.5f", p.plaquette()));
                }
            }
            if (e.showAcceptance() && p.done() > e.start()) {
                s.append(String.format(Locale.ROOT, " acc=%.0f%%", 100.0 * p.accepted() / (p.done() - e.start())));
            }
            if (p.attempt() > 0) s.append(" retry").append(p.attempt());
            parts.add(s.toString());
        }
        if (current != null) chains.append(String.join(", ", parts)).append(']');
        return chains.toString();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
