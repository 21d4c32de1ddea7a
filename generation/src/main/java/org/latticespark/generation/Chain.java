package org.latticespark.generation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.latticespark.lattice.backend.Backends;
import org.latticespark.lattice.backend.PlaquetteBackend;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;

/**
 * One Markov chain of an ensemble, as an iterator over the configurations it saves: the chain runs
 * lazily, so a consumer (a Spark writer) streams its rows. Update i (1-based) is saved when
 * i &gt; thermalization and (i − thermalization) is a multiple of save-every.
 */
public final class Chain implements Iterator<SavedConfiguration>, AutoCloseable {
    private final ChainConfig config;
    private final int chain;
    private final GaugeField field;
    private final Parallelism par;
    private final PlaquetteBackend backend;
    private final Sampler sampler;
    private final ProgressListener listener;
    private long completed;

    private Chain(ChainConfig config, int chain, GaugeField field, long completed, ProgressListener listener) {
        if (chain < 0 || chain >= config.chains) {
            throw new IllegalArgumentException("chain " + chain + " outside 0.." + (config.chains - 1));
        }
        this.config = config;
        this.chain = chain;
        this.par = new Parallelism(config.threads);
        this.backend = Backends.plaquette(config.backend);
        RandomStream stream = new RandomStream(config.seed, chain);
        this.field = field != null ? field : switch (config.start) {
            case COLD -> GaugeField.cold(config.lattice(), config.gaugeGroup());
            case HOT -> GaugeField.hot(config.lattice(), config.gaugeGroup(), stream, par);
        };
        this.sampler = Samplers.create(config, stream, par, backend);
        this.completed = completed;
        this.listener = listener;
    }

    /** A chain from its start configuration. */
    public static Chain start(ChainConfig config, int chain, ProgressListener listener) {
        return new Chain(config, chain, null, 0, listener);
    }

    /** A chain continued from a saved state: the field after {@code completedUpdates} updates. */
    public static Chain resume(ChainConfig config, int chain, GaugeField field, long completedUpdates,
                               ProgressListener listener) {
        if (!field.lattice().equals(config.lattice()) || !field.group().equals(config.gaugeGroup())) {
            throw new IllegalArgumentException("resumed field " + field.group() + " on " + field.lattice()
                    + " does not match the configuration " + config);
        }
        return new Chain(config, chain, field.copy(), completedUpdates, listener);
    }

    public int chain() { return chain; }

    public long completedUpdates() { return completed; }

    /** What computed the plaquettes: recorded with the run. */
    public String backendDescription() { return backend.description(); }

    public String samplerName() { return sampler.name(); }

    @Override
    public boolean hasNext() {
        return completed < config.totalUpdates();
    }

    @Override
    public SavedConfiguration next() {
        if (!hasNext()) throw new NoSuchElementException("chain " + chain + " has saved all its configurations");
        List<UpdateRecord> history = new ArrayList<>();
        UpdateRecord last;
        do {
            last = sampler.update(field, ++completed);
            history.add(last);
            listener.updated(chain, last, config.totalUpdates());
        } while (!isSavePoint(completed));
        return new SavedConfiguration(chain, completed, field.copy(), last.plaquette(), List.copyOf(history));
    }

    private boolean isSavePoint(long update) {
        return update > config.thermalization && (update - config.thermalization) % config.saveEvery == 0;
    }

    @Override
    public void close() {
        par.close();
        backend.close();
    }
}
