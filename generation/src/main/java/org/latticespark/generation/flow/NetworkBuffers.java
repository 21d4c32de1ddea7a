package org.latticespark.generation.flow;

/**
 * The activations of one coupling network for one sample, kept for the backward pass: the masked input, the
 * pre-activations of every convolution (the last one is the network's output ŝ, t) and their activated values.
 */
final class NetworkBuffers {
    final double[] input;
    final double[][] pre;
    final double[][] post;
    final double[] patch;

    NetworkBuffers(int volume, int[] channels, int taps) {
        int widest = 0;
        for (int c : channels) widest = Math.max(widest, c);
        patch = new double[widest * taps];
        int convs = channels.length - 1;
        input = new double[volume];
        pre = new double[convs][];
        post = new double[convs - 1][];
        for (int j = 0; j < convs; j++) {
            pre[j] = new double[channels[j + 1] * volume];
            if (j < convs - 1) post[j] = new double[channels[j + 1] * volume];
        }
    }

    /** The network output: channel 0 (ŝ) at [0, V), channel 1 (t) at [V, 2V). */
    double[] output() { return pre[pre.length - 1]; }
}
