package org.latticespark.generation.flow;

/**
 * The conditioner of a coupling layer: periodic convolutions 1 → C_1 → … → 2 channels with the activation between
 * them (none after the last). Input: the field on the frozen sites (zero on the active ones); output ŝ(x), t(x).
 */
final class CouplingNetwork {
    private final PeriodicConvolution[] convs;
    private final Activation activation;
    private final int volume;

    CouplingNetwork(PeriodicConvolution[] convs, Activation activation, int volume) {
        this.convs = convs;
        this.activation = activation;
        this.volume = volume;
    }

    PeriodicConvolution conv(int j) { return convs[j]; }

    int convolutions() { return convs.length; }

    /** Runs the network on {@code b.input}, filling b.pre, b.post; the result is {@link NetworkBuffers#output()}. */
    void forward(double[] p, NetworkBuffers b) {
        double[] in = b.input;
        for (int j = 0; j < convs.length; j++) {
            convs[j].forward(p, in, b.pre[j], b.patch);
            if (j == convs.length - 1) break;
            double[] pre = b.pre[j];
            double[] post = b.post[j];
            int n = convs[j].outChannels() * volume;
            for (int k = 0; k < n; k++) post[k] = activation.value(pre[k]);
            in = post;
        }
    }

    /**
     * Reverse mode: from s.gradOutput = ∂F/∂(ŝ, t) to s.gradInput = ∂F/∂input, adding ∂F/∂θ into gradParams.
     * Needs the buffers of the matching {@link #forward}.
     */
    void backward(double[] p, NetworkBuffers b, BackwardScratch s, double[] gradParams) {
        double[] g = s.gradOutput;
        double[] next = s.gradA;
        for (int j = convs.length - 1; j >= 0; j--) {
            if (j == 0) {
                convs[0].backward(p, b.input, g, s.gradInput, gradParams, s.patch, s.gradPatch);
                return;
            }
            convs[j].backward(p, b.post[j - 1], g, next, gradParams, s.patch, s.gradPatch);
            double[] pre = b.pre[j - 1];
            int n = convs[j].inChannels() * volume;
            for (int k = 0; k < n; k++) next[k] *= activation.derivative(pre[k]);
            g = next;
            next = next == s.gradA ? s.gradB : s.gradA;
        }
    }
}
