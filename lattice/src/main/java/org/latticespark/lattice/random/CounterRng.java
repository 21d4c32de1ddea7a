package org.latticespark.lattice.random;

/**
 * A cursor into a {@link RandomStream}: the numbers drawn at one (element, update, purpose) address,
 * in order. Not thread-safe: each thread keeps its own cursor and resets it per element.
 */
public final class CounterRng {
    private static final double TWO_POW_M52 = 0x1.0p-52;

    private final RandomStream stream;
    private final int[] words = new int[4];
    private int element;
    private int update;
    private int purpose;
    private int draw;
    private int used;
    private boolean haveGaussian;
    private double spareGaussian;

    public CounterRng(RandomStream stream) {
        this.stream = stream;
    }

    public CounterRng reset(int element, long update, int purpose) {
        if (update < 0 || update > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("update index out of the 32-bit counter range: " + update);
        }
        this.element = element;
        this.update = (int) update;
        this.purpose = purpose;
        this.draw = 0;
        this.used = 2;
        this.haveGaussian = false;
        return this;
    }

    /** Uniform in the open interval (0, 1): (k + ½)/2⁵² for 52 random bits k, exact in double. */
    public double uniform() {
        if (used == 2) {
            stream.block(element, update, purpose, draw++, words);
            used = 0;
        }
        long hi = words[2 * used] & 0xFFFFFFFFL;
        long lo = words[2 * used + 1] & 0xFFFFFFFFL;
        used++;
        long bits = ((hi << 32) | lo) >>> 12;
        return (bits + 0.5) * TWO_POW_M52;
    }

    /** Standard normal by Box–Muller; StrictMath keeps it identical on every JVM. */
    public double gaussian() {
        if (haveGaussian) {
            haveGaussian = false;
            return spareGaussian;
        }
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(uniform()));
        double phi = 2.0 * Math.PI * uniform();
        spareGaussian = r * StrictMath.sin(phi);
        haveGaussian = true;
        return r * StrictMath.cos(phi);
    }
}
