package org.latticespark.analysis.fit;

import java.util.Arrays;
import java.util.List;

/**
 * Ground state plus one excited state, f(t) = A0·exp(−E0·t) + A1·exp(−E1·t), parameters {A0, E0, A1, E1}.
 * E1 &gt; E0 is not enforced: the model is symmetric under swapping the two states, and a fit may converge
 * to either labelling; check E1 &gt; E0 in the result, or start from a guess that has it.
 *
 * <p>Initial guess: a single exponential fitted (as {@link Exponential#initialGuess}) to the later half of
 * the points in t gives A0, E0; one fitted to what remains at the earlier half gives A1, E1. If that does
 * not give E1 &gt; E0, E1 = 2·E0 with its best amplitude is used.
 */
public final class TwoExponentials implements FitModel {
    private static final List<String> NAMES = List.of("A0", "E0", "A1", "E1");

    @Override
    public String name() {
        return "two exponentials A0*exp(-E0*t)+A1*exp(-E1*t)";
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public double value(double t, double[] p) {
        return p[0] * Math.exp(-p[1] * t) + p[2] * Math.exp(-p[3] * t);
    }

    @Override
    public double[] gradient(double t, double[] p) {
        double e0 = Math.exp(-p[1] * t);
        double e1 = Math.exp(-p[3] * t);
        return new double[] {e0, -p[0] * t * e0, e1, -p[2] * t * e1};
    }

    @Override
    public double[][] secondDerivatives(double t, double[] p) {
        double e0 = Math.exp(-p[1] * t);
        double e1 = Math.exp(-p[3] * t);
        double[][] h = new double[4][4];
        h[0][1] = -t * e0;
        h[1][0] = h[0][1];
        h[1][1] = p[0] * t * t * e0;
        h[2][3] = -t * e1;
        h[3][2] = h[2][3];
        h[3][3] = p[2] * t * t * e1;
        return h;
    }

    @Override
    public double[] initialGuess(double[] t, double[] y, double[] sigma) {
        Integer[] order = new Integer[t.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(t[a], t[b]));
        int half = t.length / 2;
        Exponential single = new Exponential();
        double[] late = single.initialGuess(pick(t, order, half, t.length), pick(y, order, half, t.length),
                pick(sigma, order, half, t.length));
        double[] earlyT = pick(t, order, 0, half);
        double[] rest = pick(y, order, 0, half);
        for (int i = 0; i < rest.length; i++) {
            rest[i] -= single.value(earlyT[i], late);
        }
        double[] earlySigma = pick(sigma, order, 0, half);
        double[] excited;
        try {
            excited = single.initialGuess(earlyT, rest, earlySigma);
        } catch (IllegalArgumentException e) {
            excited = null;
        }
        if (excited == null || !(excited[1] > late[1])) {
            double energy = 2 * late[1];
            double amplitude = ExponentialProfile.amplitude(earlyT, rest, earlySigma,
                    (en, s) -> Math.exp(-en * s), energy);
            excited = new double[] {amplitude, energy};
        }
        return new double[] {late[0], late[1], excited[0], excited[1]};
    }

    private static double[] pick(double[] v, Integer[] order, int from, int to) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = v[order[i]];
        }
        return out;
    }

    @Override
    public String toString() {
        return name();
    }
}
