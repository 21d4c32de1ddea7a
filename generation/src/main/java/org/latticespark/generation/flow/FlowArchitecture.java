package org.latticespark.generation.flow;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * The shape of a Real NVP flow on a d-dimensional lattice: {@code couplingLayers} affine coupling layers with
 * alternating checkerboard masks (layer l updates the sites of parity l mod 2), each conditioned by a convolutional
 * network 1 → hiddenChannels[0] → … → 2 channels with periodic padding, kernels of kernelSize^d taps and the
 * activation between the convolutions. With {@code tanhScale} the log-scale is s = tanh(ŝ) of the network's first
 * output channel, which keeps every layer's Jacobian factor e^s in (1/e, e) and training stable; otherwise s = ŝ.
 */
public record FlowArchitecture(int couplingLayers, int[] hiddenChannels, int kernelSize, Activation activation,
                               boolean tanhScale) implements Serializable {

    public FlowArchitecture {
        if (couplingLayers < 2 || couplingLayers % 2 != 0) {
            throw new IllegalArgumentException("flow.layers: must be even and >= 2, got " + couplingLayers);
        }
        if (hiddenChannels == null) {
            throw new IllegalArgumentException("flow.hidden-channels: must be given, got null");
        }
        hiddenChannels = hiddenChannels.clone();
        for (int c : hiddenChannels) {
            if (c < 1) {
                throw new IllegalArgumentException("flow.hidden-channels: each entry must be >= 1, got "
                        + Arrays.toString(hiddenChannels));
            }
        }
        if (kernelSize < 1 || kernelSize % 2 == 0) {
            String rule = kernelSize < 1 ? "must be >= 1" : "must be odd";
            throw new IllegalArgumentException("flow.kernel-size: " + rule + ", got " + kernelSize);
        }
        if (activation == null) {
            throw new IllegalArgumentException(
                    "flow.activation: must be one of tanh, leaky_relu, relu, silu, got null");
        }
    }

    /** The usual choice: tanh-bounded log-scale. */
    public FlowArchitecture(int couplingLayers, int[] hiddenChannels, int kernelSize, Activation activation) {
        this(couplingLayers, hiddenChannels, kernelSize, activation, true);
    }

    @Override
    public int[] hiddenChannels() { return hiddenChannels.clone(); }

    /** Channels of the network's stages: {1, hidden…, 2}. */
    public int[] channels() {
        int[] c = new int[hiddenChannels.length + 2];
        c[0] = 1;
        System.arraycopy(hiddenChannels, 0, c, 1, hiddenChannels.length);
        c[c.length - 1] = 2;
        return c;
    }

    /** Taps of one kernel on a lattice of the given dimension: kernelSize^d. */
    public int taps(int dimensions) {
        int t = 1;
        for (int mu = 0; mu < dimensions; mu++) t = Math.multiplyExact(t, kernelSize);
        return t;
    }

    /** Parameters of one coupling network: Σ_j (C_j C_{j+1} k^d + C_{j+1}). */
    public int parametersPerLayer(int dimensions) {
        int[] c = channels();
        int taps = taps(dimensions);
        int n = 0;
        for (int j = 0; j + 1 < c.length; j++) {
            n = Math.addExact(n, Math.addExact(Math.multiplyExact(Math.multiplyExact(c[j], c[j + 1]), taps), c[j + 1]));
        }
        return n;
    }

    /** Parameters of the whole flow on a lattice of the given dimension. */
    public int parameterCount(int dimensions) {
        return Math.multiplyExact(couplingLayers, parametersPerLayer(dimensions));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowArchitecture a && a.couplingLayers == couplingLayers && a.kernelSize == kernelSize
                && a.activation == activation && a.tanhScale == tanhScale
                && Arrays.equals(a.hiddenChannels, hiddenChannels);
    }

    @Override
    public int hashCode() {
        return ((couplingLayers * 31 + Arrays.hashCode(hiddenChannels)) * 31 + kernelSize) * 31 + activation.hashCode()
                + (tanhScale ? 1 : 0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "real-nvp layers=%d hidden=%s kernel=%d %s%s", couplingLayers,
                Arrays.toString(hiddenChannels), kernelSize, activation.key(), tanhScale ? " tanh-scale" : "");
    }
}
