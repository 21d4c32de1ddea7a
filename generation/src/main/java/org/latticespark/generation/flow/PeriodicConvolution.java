package org.latticespark.generation.flow;

import org.latticespark.lattice.geometry.Lattice;

/**
 * A convolution on a d-dimensional periodic lattice with kernels of k^d taps centred on the site:
 * out_o(x) = b_o + Σ_i Σ_δ w_{o,i,δ} in_i(x + δ), δ ∈ {−k/2 … k/2}^d, every coordinate wrapped periodically.
 * Fields are channel-major ({@code c·V + site}). The weights (layout [o][i][tap], tap index with direction 0
 * fastest) and then the biases occupy {@link #size()} entries of the flow's single parameter array from
 * {@link #offset()}.
 */
final class PeriodicConvolution {
    private final int volume;
    private final int taps;
    private final int[] neighbours;
    private final int in;
    private final int out;
    private final int offset;

    PeriodicConvolution(int volume, int taps, int[] neighbours, int in, int out, int offset) {
        this.volume = volume;
        this.taps = taps;
        this.neighbours = neighbours;
        this.in = in;
        this.out = out;
        this.offset = offset;
    }

    /** neighbours[x·k^d + tap] = the site x + δ(tap), periodic; shared by every convolution of a flow. */
    static int[] neighbourTable(Lattice lattice, int kernelSize) {
        int nd = lattice.dimensions();
        int taps = 1;
        for (int mu = 0; mu < nd; mu++) taps *= kernelSize;
        int v = lattice.volume();
        int half = kernelSize / 2;
        int[] table = new int[v * taps];
        int[] x = new int[nd];
        int[] y = new int[nd];
        for (int site = 0; site < v; site++) {
            lattice.coordinates(site, x);
            for (int tap = 0; tap < taps; tap++) {
                int rest = tap;
                for (int mu = 0; mu < nd; mu++) {
                    int l = lattice.extent(mu);
                    int shifted = x[mu] + rest % kernelSize - half;
                    y[mu] = Math.floorMod(shifted, l);
                    rest /= kernelSize;
                }
                table[site * taps + tap] = lattice.index(y);
            }
        }
        return table;
    }

    int inChannels() { return in; }

    int outChannels() { return out; }

    int offset() { return offset; }

    int size() { return out * in * taps + out; }

    int weightIndex(int o, int i, int tap) { return offset + (o * in + i) * taps + tap; }

    int biasIndex(int o) { return offset + out * in * taps + o; }

    /** Patch length C_in k^d: the inputs one output site sees, channel-major then tap. */
    int patchLength() { return in * taps; }

    /** {@code patch} needs {@link #patchLength()} entries of scratch. */
    void forward(double[] p, double[] input, double[] output, double[] patch) {
        int k = in * taps;
        int biases = offset + out * k;
        for (int x = 0; x < volume; x++) {
            gather(input, x, patch);
            for (int o = 0; o < out; o++) output[o * volume + x] = p[biases + o] + dot(p, offset + o * k, patch, k);
        }
    }

    /**
     * Given g_o(x) = ∂F/∂out_o(x): writes ∂F/∂in into {@code gradInput} (when not null) and adds ∂F/∂w, ∂F/∂b into
     * {@code gradParams} at this convolution's slice. {@code patch} and {@code gradPatch} are scratch of
     * {@link #patchLength()} entries.
     */
    void backward(double[] p, double[] input, double[] gradOutput, double[] gradInput, double[] gradParams,
                  double[] patch, double[] gradPatch) {
        if (gradInput != null) java.util.Arrays.fill(gradInput, 0, in * volume, 0.0);
        int k = in * taps;
        int biases = offset + out * k;
        for (int x = 0; x < volume; x++) {
            boolean any = false;
            for (int o = 0; o < out && !any; o++) any = gradOutput[o * volume + x] != 0;
            if (!any) continue;
            gather(input, x, patch);
            java.util.Arrays.fill(gradPatch, 0, k, 0.0);
            for (int o = 0; o < out; o++) {
                double g = gradOutput[o * volume + x];
                if (g == 0) continue;
                gradParams[biases + o] += g;
                int wo = offset + o * k;
                for (int j = 0; j < k; j++) {
                    gradParams[wo + j] += g * patch[j];
                    gradPatch[j] += g * p[wo + j];
                }
            }
            if (gradInput == null) continue;
            int nb = x * taps;
            for (int i = 0; i < in; i++) {
                int ib = i * volume;
                int pi = i * taps;
                for (int t = 0; t < taps; t++) gradInput[ib + neighbours[nb + t]] += gradPatch[pi + t];
            }
        }
    }

    /** Σ_j w[from + j] patch[j] with four independent partial sums (a single chain is add-latency bound). */
    private static double dot(double[] w, int from, double[] patch, int k) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        int j = 0;
        for (; j + 3 < k; j += 4) {
            a0 += w[from + j] * patch[j];
            a1 += w[from + j + 1] * patch[j + 1];
            a2 += w[from + j + 2] * patch[j + 2];
            a3 += w[from + j + 3] * patch[j + 3];
        }
        for (; j < k; j++) a0 += w[from + j] * patch[j];
        return (a0 + a1) + (a2 + a3);
    }

    private void gather(double[] input, int x, double[] patch) {
        int nb = x * taps;
        for (int i = 0; i < in; i++) {
            int ib = i * volume;
            int pi = i * taps;
            for (int t = 0; t < taps; t++) patch[pi + t] = input[ib + neighbours[nb + t]];
        }
    }
}
