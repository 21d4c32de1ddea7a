package org.latticespark.generation.flow;

import org.latticespark.lattice.geometry.Lattice;

/**
 * One Real NVP affine coupling layer with a checkerboard mask. Layer l updates the sites of parity a = l mod 2
 * (the active sites) and leaves the others (frozen) unchanged:
 * <pre>
 *   y(x) = x(x)                     on frozen sites,
 *   y(x) = x(x) e^{s(x)} + t(x)     on active sites,
 *   log |det ∂y/∂x| = Σ_{x active} s(x),
 * </pre>
 * with (ŝ, t) = NN(x·[frozen]) and s = tanh(ŝ) (or s = ŝ without the tanh bound). The Jacobian is triangular
 * because s, t depend on the frozen sites only, so the inverse x = (y − t) e^{−s} is exact. All maps may work in
 * place (input and output the same array).
 */
final class AffineCoupling {
    private final CouplingNetwork network;
    private final int[] active;
    private final int[] frozen;
    private final boolean tanhScale;
    private final int volume;

    AffineCoupling(Lattice lattice, int parity, CouplingNetwork network, boolean tanhScale) {
        this.network = network;
        this.active = lattice.sitesOfParity(parity).clone();
        this.frozen = lattice.sitesOfParity(1 - parity).clone();
        this.tanhScale = tanhScale;
        this.volume = lattice.volume();
    }

    CouplingNetwork network() { return network; }

    /** y = f(x); returns log|det ∂y/∂x|. Leaves the network's activations in {@code b}. */
    double forward(double[] p, double[] x, double[] y, NetworkBuffers b) {
        conditionOn(p, x, b);
        double[] out = b.output();
        double logDet = 0;
        for (int x0 : frozen) y[x0] = x[x0];
        for (int x0 : active) {
            double s = scale(out[x0]);
            y[x0] = x[x0] * StrictMath.exp(s) + out[volume + x0];
            logDet += s;
        }
        return logDet;
    }

    /** x = f⁻¹(y); returns log|det ∂y/∂x| of the forward map at that point. */
    double inverse(double[] p, double[] y, double[] x, NetworkBuffers b) {
        conditionOn(p, y, b);
        double[] out = b.output();
        double logDet = 0;
        for (int x0 : frozen) x[x0] = y[x0];
        for (int x0 : active) {
            double s = scale(out[x0]);
            x[x0] = (y[x0] - out[volume + x0]) * StrictMath.exp(-s);
            logDet += s;
        }
        return logDet;
    }

    /**
     * Reverse mode for an objective F that depends on y and contains {@code logDetCoefficient}·log|det| of this
     * layer: from gradY = ∂F/∂y to gradX = ∂F/∂x (may be the same array), adding ∂F/∂θ into gradParams.
     * {@code x} and {@code b} must be the input and buffers of the matching {@link #forward}.
     */
    void backward(double[] p, double[] x, NetworkBuffers b, double[] gradY, double[] gradX, double logDetCoefficient,
                  double[] gradParams, BackwardScratch s) {
        double[] out = b.output();
        double[] gOut = s.gradOutput;
        for (int x0 : frozen) {
            gOut[x0] = 0;
            gOut[volume + x0] = 0;
        }
        for (int x0 : active) {
            double sHat = out[x0];
            double sc = scale(sHat);
            double e = StrictMath.exp(sc);
            double gy = gradY[x0];
            double gs = gy * x[x0] * e + logDetCoefficient;
            gOut[x0] = tanhScale ? gs * (1 - sc * sc) : gs;
            gOut[volume + x0] = gy;
            gradX[x0] = gy * e;
        }
        network.backward(p, b, s, gradParams);
        double[] gIn = s.gradInput;
        for (int x0 : frozen) gradX[x0] = gradY[x0] + gIn[x0];
    }

    private void conditionOn(double[] p, double[] field, NetworkBuffers b) {
        double[] in = b.input;
        for (int x0 : active) in[x0] = 0;
        for (int x0 : frozen) in[x0] = field[x0];
        network.forward(p, b);
    }

    private double scale(double sHat) {
        return tanhScale ? StrictMath.tanh(sHat) : sHat;
    }
}
