package org.latticespark.analysis;

/**
 * Linear (not circular) autocorrelation sums by a radix-2 FFT. Twiddle factors come from
 * {@link StrictMath} so the result is identical on every JVM and platform.
 */
final class Fft {
    private Fft() {
    }

    /** c(t) = Σ_i x(i) x(i+t) for t = 0..maxLag, maxLag < x.length. */
    static double[] autocorrelation(double[] x, int maxLag) {
        // Zero padding to at least length + maxLag keeps the circular wrap-around out of lags <= maxLag.
        int size = Integer.highestOneBit(Math.max(1, x.length + maxLag - 1)) << 1;
        double[] re = new double[size];
        double[] im = new double[size];
        System.arraycopy(x, 0, re, 0, x.length);
        transform(re, im);
        for (int k = 0; k < size; k++) {
            re[k] = re[k] * re[k] + im[k] * im[k];
            im[k] = 0;
        }
        // The power spectrum is real and even, so a second forward transform equals size times the inverse.
        transform(re, im);
        double[] c = new double[maxLag + 1];
        for (int t = 0; t <= maxLag; t++) {
            c[t] = re[t] / size;
        }
        return c;
    }

    /** In-place iterative decimation-in-time FFT, sign convention exp(-2πi jk/n); n a power of two. */
    private static void transform(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double[] cos = new double[n / 2];
        double[] sin = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            double angle = -2 * Math.PI * k / n;
            cos[k] = StrictMath.cos(angle);
            sin[k] = StrictMath.sin(angle);
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int stride = n / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * stride];
                    double wi = sin[k * stride];
                    int a = start + k;
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
