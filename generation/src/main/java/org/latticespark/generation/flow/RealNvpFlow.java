package org.latticespark.generation.flow;

import java.io.Serializable;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.random.CounterRng;
import org.latticespark.lattice.random.Purpose;
import org.latticespark.lattice.random.RandomStream;
import org.latticespark.lattice.scalar.Phi4Action;

/**
 * A Real NVP normalizing flow for a real scalar field on a periodic d-dimensional lattice: φ = f(z) = f_L ∘ … ∘ f_1(z)
 * with {@link AffineCoupling} layers (layer l acts on the sites of parity l mod 2) and the standard-normal prior
 * r(z) = Π_x (2π)^{−1/2} e^{−z(x)²/2}. The density of a proposal is
 * <pre>  log q(φ) = log r(z) − Σ_l log|det J_l|,  z = f⁻¹(φ).</pre>
 * All weights live in one flat {@link #parameters()} array (layer by layer, convolution by convolution: weights
 * [out][in][tap] then biases), which training updates in place. Every transcendental function is StrictMath, so a
 * proposal is reproducible bit for bit on any JVM and executor. The flow is immutable apart from the parameter
 * values; many threads may use it at once, each with its own {@link Workspace}.
 */
public final class RealNvpFlow implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The last convolution starts this much smaller than Kaiming, so the untrained flow is near the identity. */
    static final double LAST_LAYER_SCALE = 0.01;
    private static final double HALF_LOG_TWO_PI = 0.5 * StrictMath.log(2 * Math.PI);

    private final Lattice lattice;
    private final FlowArchitecture architecture;
    private final double[] parameters;
    private final transient AffineCoupling[] layers;

    /** A flow with the given parameter values (copied). */
    public RealNvpFlow(Lattice lattice, FlowArchitecture architecture, double[] parameters) {
        int expected = architecture.parameterCount(lattice.dimensions());
        if (parameters.length != expected) {
            throw new IllegalArgumentException("flow parameters: " + architecture + " on " + lattice + " needs "
                    + expected + " parameters, got " + parameters.length);
        }
        this.lattice = lattice;
        this.architecture = architecture;
        this.parameters = parameters.clone();
        this.layers = build(lattice, architecture);
    }

    /**
     * The untrained flow: weights of convolution j of layer l from RandomStream(seed, 0).at(l, 0,
     * Purpose.of(FLOW_INIT, 2j)), biases from sub-step 2j + 1. Weights are normal with standard deviation
     * gain/√fanIn (Kaiming, fanIn = C_in k^d), biases uniform in ±1/√fanIn; the last convolution is scaled by
     * {@value #LAST_LAYER_SCALE}, so s, t = O(10⁻²): near, but not exactly, the identity map.
     */
    public static RealNvpFlow initial(Lattice lattice, FlowArchitecture architecture, long seed) {
        double[] p = new double[architecture.parameterCount(lattice.dimensions())];
        RealNvpFlow flow = new RealNvpFlow(lattice, architecture, p);
        double[] live = flow.parameters;
        RandomStream stream = new RandomStream(seed, 0);
        int taps = architecture.taps(lattice.dimensions());
        for (int l = 0; l < flow.layers.length; l++) {
            CouplingNetwork net = flow.layers[l].network();
            for (int j = 0; j < net.convolutions(); j++) {
                PeriodicConvolution c = net.conv(j);
                boolean last = j == net.convolutions() - 1;
                double fanIn = (double) c.inChannels() * taps;
                double scale = last ? LAST_LAYER_SCALE : 1;
                double sigma = scale * architecture.activation().gain() / Math.sqrt(fanIn);
                double bound = scale / Math.sqrt(fanIn);
                CounterRng w = stream.at(l, 0, Purpose.of(Purpose.FLOW_INIT, 2 * j));
                for (int o = 0; o < c.outChannels(); o++) {
                    for (int i = 0; i < c.inChannels(); i++) {
                        for (int t = 0; t < taps; t++) live[c.weightIndex(o, i, t)] = sigma * w.gaussian();
                    }
                }
                CounterRng b = stream.at(l, 0, Purpose.of(Purpose.FLOW_INIT, 2 * j + 1));
                for (int o = 0; o < c.outChannels(); o++) live[c.biasIndex(o)] = bound * (2 * b.uniform() - 1);
            }
        }
        return flow;
    }

    private static AffineCoupling[] build(Lattice lattice, FlowArchitecture arch) {
        int v = lattice.volume();
        int taps = arch.taps(lattice.dimensions());
        int[] neighbours = PeriodicConvolution.neighbourTable(lattice, arch.kernelSize());
        int[] ch = arch.channels();
        AffineCoupling[] layers = new AffineCoupling[arch.couplingLayers()];
        int offset = 0;
        for (int l = 0; l < layers.length; l++) {
            PeriodicConvolution[] convs = new PeriodicConvolution[ch.length - 1];
            for (int j = 0; j < convs.length; j++) {
                convs[j] = new PeriodicConvolution(v, taps, neighbours, ch[j], ch[j + 1], offset);
                offset += convs[j].size();
            }
            layers[l] = new AffineCoupling(lattice, l % 2, new CouplingNetwork(convs, arch.activation(), v),
                    arch.tanhScale());
        }
        return layers;
    }

    private Object readResolve() {
        return new RealNvpFlow(lattice, architecture, parameters);
    }

    public Lattice lattice() { return lattice; }

    public FlowArchitecture architecture() { return architecture; }

    public int parameterCount() { return parameters.length; }

    /** The live parameter array (not a copy): training updates it in place. */
    public double[] parameters() { return parameters; }

    /** A copy with the same architecture and a snapshot of the current parameters. */
    public RealNvpFlow copy() { return new RealNvpFlow(lattice, architecture, parameters); }

    AffineCoupling layer(int l) { return layers[l]; }

    int layerCount() { return layers.length; }

    /** Scratch space for one thread. */
    public Workspace newWorkspace() { return new Workspace(this); }

    /** log r(z) = −½ Σ_x z(x)² − (V/2) log 2π. */
    public static double logPrior(double[] z) {
        double s = 0;
        for (double v : z) s += v * v;
        return -0.5 * s - z.length * HALF_LOG_TWO_PI;
    }

    /** φ = f(z) (may be the same array); returns Σ_l log|det J_l|. */
    public double forward(double[] z, double[] phiOut, Workspace ws) {
        if (phiOut != z) System.arraycopy(z, 0, phiOut, 0, z.length);
        double logDet = 0;
        for (AffineCoupling layer : layers) logDet += layer.forward(parameters, phiOut, phiOut, ws.buffers(0));
        return logDet;
    }

    /** z = f⁻¹(φ) (may be the same array); returns Σ_l log|det J_l| of the forward map, so log q = log r(z) − it. */
    public double inverse(double[] phi, double[] zOut, Workspace ws) {
        if (zOut != phi) System.arraycopy(phi, 0, zOut, 0, phi.length);
        double logDet = 0;
        for (int l = layers.length - 1; l >= 0; l--) logDet += layers[l].inverse(parameters, zOut, zOut, ws.buffers(0));
        return logDet;
    }

    /**
     * Draws z(x) = prior.gaussian() for x = 0 … V−1 in site order from the cursor as positioned by the caller (for
     * proposal n: at (0, n, Purpose.of(FLOW_PRIOR, 0))), writes φ = f(z) and returns log q(φ).
     */
    public double sample(CounterRng prior, double[] phiOut, Workspace ws) {
        double[] z = ws.z;
        for (int x = 0; x < z.length; x++) z[x] = prior.gaussian();
        return logPrior(z) - forward(z, phiOut, ws);
    }

    /** {@link #sample(CounterRng, double[], Workspace)} with a fresh workspace. */
    public double sample(CounterRng prior, double[] phiOut) {
        return sample(prior, phiOut, newWorkspace());
    }

    /** log q(φ) = log r(f⁻¹(φ)) − Σ_l log|det J_l|, through the inverse. */
    public double logDensity(double[] phi, Workspace ws) {
        double logDet = inverse(phi, ws.z, ws);
        return logPrior(ws.z) - logDet;
    }

    public double logDensity(double[] phi) {
        return logDensity(phi, newWorkspace());
    }

    /**
     * The per-sample reverse-KL objective F(θ; z) = log q(φ) + S(φ) with φ = f_θ(z) (its batch mean is
     * KL(q‖p) − log Z), and its gradient by reverse-mode differentiation: ∂S/∂φ enters at the output and each
     * layer adds the derivative of its −log|det J_l|. Adds ∂F/∂θ into {@code gradParams}; writes ∂F/∂z into
     * {@code gradZ} when not null (including the prior's −z). Leaves φ in {@link Workspace#phi()}. The log weight of
     * the sample, log w = −S − log q, is −F.
     */
    public double reverseKl(double[] z, Phi4Action action, double[] gradParams, double[] gradZ, Workspace ws) {
        double[] phi = ws.phi;
        System.arraycopy(z, 0, phi, 0, z.length);
        double logDet = 0;
        for (int l = 0; l < layers.length; l++) {
            System.arraycopy(phi, 0, ws.layerInputs[l], 0, phi.length);
            logDet += layers[l].forward(parameters, ws.layerInputs[l], phi, ws.buffers(l));
        }
        double objective = logPrior(z) - logDet + action.action(lattice, phi);
        double[] g = ws.grad;
        action.gradient(lattice, phi, g);
        for (int l = layers.length - 1; l >= 0; l--) {
            layers[l].backward(parameters, ws.layerInputs[l], ws.buffers(l), g, g, -1.0, gradParams, ws.scratch);
        }
        if (gradZ != null) {
            for (int x = 0; x < z.length; x++) gradZ[x] = g[x] - z[x];
        }
        return objective;
    }

    /**
     * Per-thread scratch: prior draws, the field, and (allocated on first use by training) the activations of every
     * layer for the backward pass. Sampling uses one layer's buffers only.
     */
    public static final class Workspace {
        private final RealNvpFlow flow;
        private final NetworkBuffers[] buffers;
        final double[] z;
        final double[] phi;
        final double[] grad;
        final double[][] layerInputs;
        final BackwardScratch scratch;

        private Workspace(RealNvpFlow flow) {
            this.flow = flow;
            int v = flow.lattice.volume();
            buffers = new NetworkBuffers[flow.layers.length];
            z = new double[v];
            phi = new double[v];
            grad = new double[v];
            layerInputs = new double[flow.layers.length][v];
            scratch = new BackwardScratch(v, flow.architecture.channels(), taps());
        }

        NetworkBuffers buffers(int l) {
            NetworkBuffers b = buffers[l];
            if (b == null) {
                b = new NetworkBuffers(flow.lattice.volume(), flow.architecture.channels(), taps());
                buffers[l] = b;
            }
            return b;
        }

        private int taps() { return flow.architecture.taps(flow.lattice.dimensions()); }

        /** The field of the last {@link RealNvpFlow#reverseKl} call. */
        public double[] phi() { return phi; }

        /** The prior draws of the last {@link RealNvpFlow#sample} or {@link RealNvpFlow#logDensity} call. */
        public double[] z() { return z; }
    }
}
