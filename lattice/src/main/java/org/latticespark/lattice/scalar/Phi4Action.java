package org.latticespark.lattice.scalar;

import java.io.Serializable;
import java.util.Locale;
import org.latticespark.lattice.geometry.Lattice;

/**
 * The lattice φ⁴ action in the m²/λ form of the conventions,
 * S = Σ_x [ Σ_μ (φ(x+μ̂) − φ(x))² + m² φ(x)² + λ φ(x)⁴ ], periodic in every direction.
 *
 * <p>The hopping form S = Σ_x [ −2κ Σ_μ φ̃(x)φ̃(x+μ̂) + φ̃² + λ̃ (φ̃² − 1)² ] is the same theory with
 * φ = √κ φ̃, m² = (1 − 2λ̃)/κ − 2d and λ = λ̃/κ², up to the constant λ̃V ({@link #fromHopping}).
 */
public final class Phi4Action implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double mSquared;
    private final double lambda;

    public Phi4Action(double mSquared, double lambda) {
        if (!Double.isFinite(mSquared)) throw new IllegalArgumentException("m2 must be finite, got " + mSquared);
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        this.mSquared = mSquared;
        this.lambda = lambda;
    }

    /** The same theory given by the hopping parameter κ > 0 and λ̃ ≥ 0 in d dimensions. */
    public static Phi4Action fromHopping(double kappa, double lambdaTilde, int dimensions) {
        if (!(kappa > 0) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("kappa must be finite and > 0, got " + kappa);
        }
        return new Phi4Action((1 - 2 * lambdaTilde) / kappa - 2 * dimensions, lambdaTilde / (kappa * kappa));
    }

    public double mSquared() { return mSquared; }

    public double lambda() { return lambda; }

    /** S(φ), summed over sites in lexicographic order. */
    public double action(Lattice lattice, double[] phi) {
        double s = 0;
        for (int x = 0; x < phi.length; x++) s += siteAction(lattice, phi, x);
        return s;
    }

    /** The term of site x: Σ_μ (φ(x+μ̂) − φ(x))² + m² φ(x)² + λ φ(x)⁴ (for threaded sums in a fixed order). */
    public double siteAction(Lattice lattice, double[] phi, int x) {
        int nd = lattice.dimensions();
        int[] up = lattice.upTable();
        double p = phi[x];
        double kinetic = 0;
        for (int mu = 0; mu < nd; mu++) {
            double d = phi[up[x * nd + mu]] - p;
            kinetic += d * d;
        }
        double p2 = p * p;
        return kinetic + p2 * (mSquared + lambda * p2);
    }

    /** dS/dφ(x) = 2 Σ_μ (2φ(x) − φ(x+μ̂) − φ(x−μ̂)) + 2m²φ(x) + 4λφ(x)³, written into {@code out}. */
    public void gradient(Lattice lattice, double[] phi, double[] out) {
        for (int x = 0; x < phi.length; x++) out[x] = gradientAt(lattice, phi, x);
    }

    /** dS/dφ at one site (for threaded callers that split the sites). */
    public double gradientAt(Lattice lattice, double[] phi, int x) {
        int nd = lattice.dimensions();
        double p = phi[x];
        double laplacian = 0;
        for (int mu = 0; mu < nd; mu++) {
            laplacian += 2 * p - phi[lattice.up(x, mu)] - phi[lattice.down(x, mu)];
        }
        return 2 * laplacian + p * (2 * mSquared + 4 * lambda * p * p);
    }

    /** "phi4 m2=… lambda=…" with the exact (shortest round-trip) decimal forms: identifies the action in files. */
    public String description() {
        return String.format(Locale.ROOT, "phi4 m2=%s lambda=%s", Double.toString(mSquared), Double.toString(lambda));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Phi4Action a && Double.compare(a.mSquared, mSquared) == 0
                && Double.compare(a.lambda, lambda) == 0;
    }

    @Override
    public int hashCode() { return Double.hashCode(mSquared) * 31 + Double.hashCode(lambda); }

    @Override
    public String toString() { return description(); }
}
