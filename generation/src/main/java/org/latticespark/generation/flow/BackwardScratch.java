package org.latticespark.generation.flow;

/** Temporary gradients of one backward pass through a coupling layer, reused from layer to layer. */
final class BackwardScratch {
    final double[] gradOutput;
    final double[] gradA;
    final double[] gradB;
    final double[] gradInput;
    final double[] patch;
    final double[] gradPatch;

    BackwardScratch(int volume, int[] channels, int taps) {
        int widest = 0;
        for (int c : channels) widest = Math.max(widest, c);
        gradOutput = new double[2 * volume];
        gradA = new double[widest * volume];
        gradB = new double[widest * volume];
        gradInput = new double[volume];
        patch = new double[widest * taps];
        gradPatch = new double[widest * taps];
    }
}
