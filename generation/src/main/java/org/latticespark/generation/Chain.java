package org.latticespark.generation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.latticespark.generation.scalar.ScalarSampler;
import org.latticespark.lattice.backend.Backends;
import org.latticespark.lattice.backend.PlaquetteBackend;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.field.LatticeField;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.scalar.ScalarField;

/**
 * One Markov chain of an ensemble, as an iterator over the configurations it saves: the chain runs
 * lazily, so a consumer (a Spark writer) streams its rows. Update i (1-based) is saved when
 * i &gt; thermalization and (i − thermalization) is a multiple of save-every.
 */
public final class Chain implements Iterator<SavedConfiguration>, AutoCloseable {
    private final ChainConfig config;
    private final int chain;
    private final LatticeField field;
    private final Parallelism par;
    private final PlaquetteBackend backend;
    private final Update update;
    private final String samplerName;
    private final ProgressListener listener;
    private long completed;

    /** One update of the chain's field in place. */
    @FunctionalInterface
    private interface Update {
        UpdateRecord run(long index);
    }

    private Chain(ChainConfig config, int chain, LatticeField field, long completed, ProgressListener listener) {
        if (chain < 0 || chain >= config.chains) {
            throw new IllegalArgumentException("chain " + chain + " outside 0.." + (config.chains - 1));
        }
        this.config = config;
        this.chain = chain;
        this.par = new Parallelism(config.threads);
        RandomStream stream = new RandomStream(config.seed, chain);
        if (config.isScalar()) {
            this.backend = null;
            ScalarField phi = field != null ? (ScalarField) field : switch (config.start) {
                case COLD -> ScalarField.cold(config.lattice());
                case HOT -> ScalarField.hot(config.lattice(), stream, par);
            };
            ScalarSampler sampler = Samplers.createScalar(config, stream, par);
            this.field = phi;
            this.update = index -> sampler.update(phi, index);
            this.samplerName = sampler.name();
        } else {
            this.backend = Backends.plaquette(config.backend);
            GaugeField u = field != null ? (GaugeField) field : switch (config.start) {
                case COLD -> GaugeField.cold(config.lattice(), config.gaugeGroup());
                case HOT -> GaugeField.hot(config.lattice(), config.gaugeGroup(), stream, par);
            };
            Sampler sampler = Samplers.create(config, stream, par, backend);
            this.field = u;
            this.update = index -> sampler.update(u, index);
            this.samplerName = sampler.name();
        }
        this.completed = completed;
        this.listener = listener;
    }

    /** A chain from its start configuration. */
    public static Chain start(ChainConfig config, int chain, ProgressListener listener) {
        return new Chain(config, chain, null, 0, listener);
    }

    /** A chain continued from a saved state: the field after {@code completedUpdates} updates. */
    public static Chain resume(ChainConfig config, int chain, LatticeField field, long completedUpdates,
                               ProgressListener listener) {
        boolean matches = field.lattice().equals(config.lattice()) && (config.isScalar()
                ? field instanceof ScalarField
                : field instanceof GaugeField g && g.group().equals(config.gaugeGroup()));
        if (!matches) {
            throw new IllegalArgumentException("resumed field " + describe(field) + " does not match the configuration "
                    + config);
        }
        return new Chain(config, chain, field.copy(), completedUpdates, listener);
    }

    private static String describe(LatticeField field) {
        return (field instanceof GaugeField g ? g.group().toString() : "scalar field") + " on " + field.lattice();
    }

    public int chain() { return chain; }

    public long completedUpdates() { return completed; }

    /** What computed the plaquettes: recorded with the run. */
    public String backendDescription() { return backend == null ? "java" : backend.description(); }

    public String samplerName() { return samplerName; }

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
            last = update.run(++completed);
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
        if (backend != null) backend.close();
    }
}
