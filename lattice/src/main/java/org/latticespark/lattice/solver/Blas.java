package org.latticespark.lattice.solver;

import org.latticespark.lattice.parallel.Parallelism;

/**
 * Complex BLAS-1 on flat (re, im) vectors of one fixed length. Vectors are cut into chunks of {@link #CHUNK}
 * doubles; chunks run on {@link Parallelism}, and every reduction stores one partial sum per chunk and adds the
 * partials in chunk order, so all results are the same bit for bit for any thread count. The partial-sum
 * buffers are allocated once per instance (one instance per solve). Inner products are ⟨x, y⟩ = Σ conj(x_i) y_i.
 */
final class Blas {
    static final int CHUNK = 64;

    private final Parallelism par;
    private final int length;
    private final int chunks;
    private final double[] partA;
    private final double[] partB;
    private final double[] partC;

    Blas(Parallelism par, int length) {
        this.par = par;
        this.length = length;
        this.chunks = (length + CHUNK - 1) / CHUNK;
        this.partA = new double[chunks];
        this.partB = new double[chunks];
        this.partC = new double[chunks];
    }

    int length() { return length; }

    private int end(int c) { return Math.min(length, (c + 1) * CHUNK); }

    private static double total(double[] partial) {
        double s = 0;
        for (double p : partial) s += p;
        return s;
    }

    /** |x|². */
    double norm2(double[] x) {
        par.forEach(chunks, c -> {
            double s = 0;
            for (int i = c * CHUNK, e = end(c); i < e; i++) s += x[i] * x[i];
            partA[c] = s;
        });
        return total(partA);
    }

    /** Re ⟨x, y⟩. */
    double reDot(double[] x, double[] y) {
        par.forEach(chunks, c -> {
            double s = 0;
            for (int i = c * CHUNK, e = end(c); i < e; i++) s += x[i] * y[i];
            partA[c] = s;
        });
        return total(partA);
    }

    /** reIm = ⟨x, y⟩ as {re, im}. */
    void dot(double[] x, double[] y, double[] reIm) {
        par.forEach(chunks, c -> {
            double re = 0, im = 0;
            for (int i = c * CHUNK, e = end(c); i < e; i += 2) {
                re += x[i] * y[i] + x[i + 1] * y[i + 1];
                im += x[i] * y[i + 1] - x[i + 1] * y[i];
            }
            partA[c] = re;
            partB[c] = im;
        });
        reIm[0] = total(partA);
        reIm[1] = total(partB);
    }

    /** out = {Re ⟨x, y⟩, Im ⟨x, y⟩, |x|²} in one pass. */
    void dotAndNorm2(double[] x, double[] y, double[] out) {
        par.forEach(chunks, c -> {
            double re = 0, im = 0, xx = 0;
            for (int i = c * CHUNK, e = end(c); i < e; i += 2) {
                re += x[i] * y[i] + x[i + 1] * y[i + 1];
                im += x[i] * y[i + 1] - x[i + 1] * y[i];
                xx += x[i] * x[i] + x[i + 1] * x[i + 1];
            }
            partA[c] = re;
            partB[c] = im;
            partC[c] = xx;
        });
        out[0] = total(partA);
        out[1] = total(partB);
        out[2] = total(partC);
    }

    void copy(double[] from, double[] to) {
        par.forEach(chunks, c -> System.arraycopy(from, c * CHUNK, to, c * CHUNK, end(c) - c * CHUNK));
    }

    void zero(double[] x) {
        par.forEach(chunks, c -> java.util.Arrays.fill(x, c * CHUNK, end(c), 0.0));
    }

    /** y = x + a y (real a). */
    void xpay(double[] x, double a, double[] y) {
        par.forEach(chunks, c -> {
            for (int i = c * CHUNK, e = end(c); i < e; i++) y[i] = x[i] + a * y[i];
        });
    }

    /** y += a x (real a). */
    void axpy(double a, double[] x, double[] y) {
        par.forEach(chunks, c -> {
            for (int i = c * CHUNK, e = end(c); i < e; i++) y[i] += a * x[i];
        });
    }

    /** r = b − ax; returns |r|². */
    double residual(double[] b, double[] ax, double[] r) {
        par.forEach(chunks, c -> {
            double s = 0;
            for (int i = c * CHUNK, e = end(c); i < e; i++) {
                double d = b[i] - ax[i];
                r[i] = d;
                s += d * d;
            }
            partA[c] = s;
        });
        return total(partA);
    }

    /** x += a p, r −= a q (real a); returns the new |r|². The CG update in one pass. */
    double updateSolutionAndResidual(double a, double[] p, double[] q, double[] x, double[] r) {
        par.forEach(chunks, c -> {
            double s = 0;
            for (int i = c * CHUNK, e = end(c); i < e; i++) {
                x[i] += a * p[i];
                double d = r[i] - a * q[i];
                r[i] = d;
                s += d * d;
            }
            partA[c] = s;
        });
        return total(partA);
    }

    /** out = x + a y (complex a); returns |out|². */
    double combine(double[] x, double aRe, double aIm, double[] y, double[] out) {
        par.forEach(chunks, c -> {
            double s = 0;
            for (int i = c * CHUNK, e = end(c); i < e; i += 2) {
                double re = x[i] + aRe * y[i] - aIm * y[i + 1];
                double im = x[i + 1] + aRe * y[i + 1] + aIm * y[i];
                out[i] = re;
                out[i + 1] = im;
                s += re * re + im * im;
            }
            partA[c] = s;
        });
        return total(partA);
    }

    /** x += a p + w s (complex a, w). */
    void axpbyInto(double aRe, double aIm, double[] p, double wRe, double wIm, double[] s, double[] x) {
        par.forEach(chunks, c -> {
            for (int i = c * CHUNK, e = end(c); i < e; i += 2) {
                x[i] += aRe * p[i] - aIm * p[i + 1] + wRe * s[i] - wIm * s[i + 1];
                x[i + 1] += aRe * p[i + 1] + aIm * p[i] + wRe * s[i + 1] + wIm * s[i];
            }
        });
    }

    /** p = r + β (p − ω v) (complex β, ω): the BiCGStab search direction. */
    void bicgDirection(double[] r, double bRe, double bIm, double wRe, double wIm, double[] v, double[] p) {
        par.forEach(chunks, c -> {
            for (int i = c * CHUNK, e = end(c); i < e; i += 2) {
                double dRe = p[i] - (wRe * v[i] - wIm * v[i + 1]);
                double dIm = p[i + 1] - (wRe * v[i + 1] + wIm * v[i]);
                p[i] = r[i] + bRe * dRe - bIm * dIm;
                p[i + 1] = r[i + 1] + bRe * dIm + bIm * dRe;
            }
        });
    }

    /** y += a x (real a); returns the new |y|². */
    double axpyNorm2(double a, double[] x, double[] y) {
        par.forEach(chunks, c -> {
            double s = 0;
            for (int i = c * CHUNK, e = end(c); i < e; i++) {
                double d = y[i] + a * x[i];
                y[i] = d;
                s += d * d;
            }
            partA[c] = s;
        });
        return total(partA);
    }

    /** y = a x + b y (real a, b). */
    void axpby(double a, double[] x, double b, double[] y) {
        par.forEach(chunks, c -> {
            for (int i = c * CHUNK, e = end(c); i < e; i++) y[i] = a * x[i] + b * y[i];
        });
    }
}
