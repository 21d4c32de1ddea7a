package org.latticespark.generation.scalar;

import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;

/**
 * Independent normal proposals, φ(x) = σ z_x with z_x ~ N(0, 1) drawn in site order from
 * {@code stream.at(0, index, Purpose.of(FLOW_PRIOR, 0))}, so
 * log q(φ) = −Σ_x z_x²/2 − V log(σ √(2π)). It ignores every correlation of the target: a deliberately poor
 * proposal for exactness tests and a baseline for trained flows. Not thread-safe (one cursor).
 */
public final class GaussianProposal implements ScalarProposal {
    private static final double HALF_LOG_TWO_PI = 0.5 * StrictMath.log(2 * Math.PI);

    private final double sigma;
    private final double logNormalisationPerSite;
    private final CounterRng rng;

    public GaussianProposal(RandomStream stream, double sigma) {
        if (stream == null) throw new IllegalArgumentException("random stream must not be null");
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        this.sigma = sigma;
        this.logNormalisationPerSite = StrictMath.log(sigma) + HALF_LOG_TWO_PI;
        this.rng = new CounterRng(stream);
    }

    public double sigma() { return sigma; }

    @Override
    public double propose(long index, double[] phiOut) {
        rng.reset(0, index, Purpose.of(Purpose.FLOW_PRIOR, 0));
        double sumSquares = 0;
        for (int x = 0; x < phiOut.length; x++) {
            double z = rng.gaussian();
            phiOut[x] = sigma * z;
            sumSquares += z * z;
        }
        return -0.5 * sumSquares - phiOut.length * logNormalisationPerSite;
    }
}
