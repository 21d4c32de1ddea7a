package org.latticespark.measurement.fermion;

import java.io.Serializable;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/**
 * Stochastic noise vectors η drawn from a chain's {@link RandomStream}, reproducible bit for bit from their key.
 *
 * <p>Key layout: the stream carries (run seed, chain); the components of site s of noise vector {@code noiseId}
 * on configuration {@code configuration} are the numbers at element = s, update = configuration, purpose =
 * {@link Purpose#of}({@link #PURPOSE_KIND}, noiseId), drawn in the order of the field layout (spin, colour, then
 * re/im within the site). Different (configuration, noiseId, site) therefore never share numbers, and no noise
 * number coincides with a gauge-update number, whose purpose kinds are below 16. The {@link NoiseKind} is not part
 * of the key: the three kinds for one key are different functions of the same uniform numbers.
 */
public final class NoiseSource implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Purpose kind of noise vectors (the high 16 bits of the purpose word), distinct from those in {@link Purpose}. */
    public static final int PURPOSE_KIND = Purpose.NOISE;
    /** Largest noise id: the id is the 16-bit sub-step of the purpose word. */
    public static final int MAX_NOISE_ID = 0xFFFF;

    private static final double SQRT_HALF = Math.sqrt(0.5);

    private final RandomStream stream;
    private final NoiseKind kind;

    public NoiseSource(RandomStream stream, NoiseKind kind) {
        if (stream == null) throw new IllegalArgumentException("random stream must not be null");
        if (kind == null) throw new IllegalArgumentException("noise kind must not be null");
        this.stream = stream;
        this.kind = kind;
    }

    public NoiseKind kind() { return kind; }

    /**
     * Overwrites {@code eta} (sites · C complex components, as (re, im) pairs, site-major) with noise vector
     * {@code noiseId} of configuration {@code configuration}; C = eta.length / (2 · sites).
     */
    public void fill(long configuration, int noiseId, int sites, double[] eta) {
        if (eta == null) throw new IllegalArgumentException("noise vector must not be null");
        if (sites <= 0) throw new IllegalArgumentException("number of sites must be positive, got " + sites);
        if (eta.length == 0 || eta.length % (2 * sites) != 0) {
            throw new IllegalArgumentException("noise vector of " + eta.length
                    + " doubles is not a whole number of complex components per site for " + sites + " sites");
        }
        if (noiseId < 0 || noiseId > MAX_NOISE_ID) {
            throw new IllegalArgumentException("noise id must be in [0, " + MAX_NOISE_ID + "], got " + noiseId);
        }
        if (configuration < 0 || configuration > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("configuration index out of the 32-bit counter range: " + configuration);
        }
        int perSite = eta.length / sites;
        int purpose = Purpose.of(PURPOSE_KIND, noiseId);
        CounterRng rng = new CounterRng(stream);
        for (int s = 0; s < sites; s++) {
            rng.reset(s, configuration, purpose);
            int base = s * perSite;
            for (int j = base; j < base + perSite; j += 2) draw(rng, eta, j);
        }
    }

    private void draw(CounterRng rng, double[] eta, int at) {
        switch (kind) {
            case Z2 -> {
                eta[at] = rng.uniform() < 0.5 ? -1.0 : 1.0;
                eta[at + 1] = 0.0;
            }
            case Z4 -> {
                int k = (int) (4.0 * rng.uniform());
                eta[at] = k == 0 ? 1.0 : k == 2 ? -1.0 : 0.0;
                eta[at + 1] = k == 1 ? 1.0 : k == 3 ? -1.0 : 0.0;
            }
            case GAUSSIAN -> {
                eta[at] = SQRT_HALF * rng.gaussian();
                eta[at + 1] = SQRT_HALF * rng.gaussian();
            }
        }
    }
}
