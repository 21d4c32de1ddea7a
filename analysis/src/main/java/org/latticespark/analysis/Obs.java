package org.latticespark.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * A Monte Carlo estimate together with its fluctuations, after pyerrors' {@code Obs}: a central value and,
 * for every ensemble it depends on, the per-replica fluctuations δ_r(i) about the replica means. Primary
 * observables come from samples; every derived quantity (ratios, logarithms, fit parameters) is a
 * {@link #linearCombination} of its inputs' fluctuations weighted by the derivatives of the function, so its
 * error by the Γ-method keeps the autocorrelations and the correlations between observables measured on the
 * same configurations (linear error propagation, Wolff 2004 section 3).
 *
 * <p>Conventions as pyerrors: the derived value is f(input values), not a mean of f; observables on
 * different ensembles are independent, and the total error is the per-ensemble Γ-method errors added in
 * quadrature. Observables combined on one ensemble must have been measured on the same configurations:
 * same replicas with the same sample indices (pyerrors' irregular index lists are not supported; combining
 * mismatched samples is refused, naming the ensemble and replica).
 *
 * <p>Immutable; the arrays passed in are copied.
 */
public final class Obs {
    private final double value;
    /** Ensemble name → its fluctuations, ensembles in sorted order so that results do not depend on input order. */
    private final Map<String, Fluctuations> ensembles;

    private Obs(double value, Map<String, Fluctuations> ensembles) {
        this.value = value;
        this.ensembles = ensembles;
    }

    /** A primary observable whose replica r holds samples 0..N_r-1 of chain r. */
    public static Obs primary(String ensemble, double[][] replicas) {
        long[][] indices = new long[replicas == null ? 0 : replicas.length][];
        for (int r = 0; r < indices.length; r++) {
            indices[r] = replicas[r] == null ? null : consecutive(replicas[r].length);
        }
        return primary(ensemble, replicas, indices);
    }

    /**
     * A primary observable with the configuration index of every sample (strictly increasing per replica),
     * used to check that observables combined later were measured on the same configurations.
     */
    public static Obs primary(String ensemble, double[][] replicas, long[][] indices) {
        if (ensemble == null || ensemble.isEmpty()) {
            throw new IllegalArgumentException("ensemble name must not be empty");
        }
        CenteredReplicas data;
        try {
            data = CenteredReplicas.of(replicas);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ensemble " + ensemble + ": " + e.getMessage(), e);
        }
        checkIndices(ensemble, replicas, indices);
        double[][] deltas = new double[data.count()][];
        for (int r = 0; r < deltas.length; r++) {
            double[] scaled = data.deltas()[r];
            deltas[r] = new double[scaled.length];
            for (int i = 0; i < scaled.length; i++) {
                deltas[r][i] = data.unscale(scaled[i]);
            }
        }
        long[][] copied = new long[indices.length][];
        for (int r = 0; r < indices.length; r++) {
            copied[r] = indices[r].clone();
        }
        Map<String, Fluctuations> map = new TreeMap<>();
        map.put(ensemble, new Fluctuations(deltas, copied));
        return new Obs(data.value(), Collections.unmodifiableMap(map));
    }

    /**
     * The observable with the given value and fluctuations Σ_i gradient[i] · δ(inputs[i]) on every ensemble
     * of any input: linear error propagation with a known gradient ∂f/∂x_i at the input values.
     */
    public static Obs linearCombination(double value, double[] gradient, List<Obs> inputs) {
        if (gradient == null || inputs == null || gradient.length != inputs.size() || inputs.isEmpty()) {
            throw new IllegalArgumentException("need one gradient entry per input, at least one input; got "
                    + (gradient == null ? "null" : gradient.length) + " gradient entries for "
                    + (inputs == null ? "null" : inputs.size()) + " inputs");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("derived value " + value + " is not finite");
        }
        for (int i = 0; i < gradient.length; i++) {
            if (!Double.isFinite(gradient[i])) {
                throw new IllegalArgumentException("derivative with respect to input " + i + " is " + gradient[i]
                        + " (not finite) at the input values " + Arrays.toString(values(inputs)));
            }
        }
        Map<String, Fluctuations> combined = new TreeMap<>();
        for (String ensemble : allEnsembles(inputs)) {
            Fluctuations shape = null;
            double[][] sum = null;
            for (int i = 0; i < inputs.size(); i++) {
                Fluctuations f = inputs.get(i).ensembles.get(ensemble);
                if (f == null) {
                    continue;
                }
                if (shape == null) {
                    shape = f;
                    sum = new double[f.deltas.length][];
                    for (int r = 0; r < sum.length; r++) {
                        sum[r] = new double[f.deltas[r].length];
                    }
                } else {
                    shape.requireSameSamples(f, ensemble, i);
                }
                f.addScaled(gradient[i], sum);
            }
            combined.put(ensemble, new Fluctuations(sum, shape.indices));
        }
        return new Obs(value, Collections.unmodifiableMap(combined));
    }

    /** f at the input values; its gradient exact for a {@link DifferentiableFunction}, else by {@link NumericalGradient}. */
    public static Obs derive(ToDoubleFunction<double[]> f, Obs... inputs) {
        if (inputs == null || inputs.length == 0) {
            throw new IllegalArgumentException("derive needs at least one input observable");
        }
        List<Obs> list = List.of(inputs);
        double[] x = values(list);
        double value = f.applyAsDouble(x.clone());
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("function value " + value + " is not finite at " + Arrays.toString(x));
        }
        double[] gradient = f instanceof DifferentiableFunction d ? d.gradient(x.clone()) : NumericalGradient.of(f, x);
        return linearCombination(value, gradient, list);
    }

    public double value() {
        return value;
    }

    /** Names of the ensembles this observable depends on, sorted. */
    public Set<String> ensembles() {
        return ensembles.keySet();
    }

    /** Γ-method with {@link GammaMethod#DEFAULT_S}. */
    public ObsResult analyze() {
        return analyze(GammaMethod.DEFAULT_S);
    }

    /**
     * Γ-method per ensemble on this observable's fluctuations; the total error is the per-ensemble errors
     * added in quadrature. {@link ObsResult#byEnsemble()} holds the per-ensemble τ_int, window and ρ(t); each
     * per-ensemble {@code value} there is this observable's value.
     */
    public ObsResult analyze(double s) {
        Map<String, GammaResult> results = new LinkedHashMap<>();
        double variance = 0;
        double errorOfErrorSum = 0;
        for (Map.Entry<String, Fluctuations> e : ensembles.entrySet()) {
            GammaResult g;
            try {
                g = GammaMethod.analyzeDeltas(value, e.getValue().deltas, s);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("ensemble " + e.getKey() + ": " + ex.getMessage(), ex);
            }
            results.put(e.getKey(), g);
            variance += g.error() * g.error();
            double product = g.error() * g.errorOfError();
            errorOfErrorSum += product * product;
        }
        double error = Math.sqrt(variance);
        double errorOfError = error == 0 ? 0 : Math.sqrt(errorOfErrorSum) / error;
        return new ObsResult(value, error, errorOfError, Collections.unmodifiableMap(results));
    }

    public double error() {
        return analyze().error();
    }

    public Obs plus(Obs other) {
        return linearCombination(value + other.value, new double[] {1, 1}, List.of(this, other));
    }

    public Obs minus(Obs other) {
        return linearCombination(value - other.value, new double[] {1, -1}, List.of(this, other));
    }

    public Obs times(Obs other) {
        return linearCombination(value * other.value, new double[] {other.value, value}, List.of(this, other));
    }

    public Obs dividedBy(Obs other) {
        double q = value / other.value;
        return linearCombination(q, new double[] {1 / other.value, -q / other.value}, List.of(this, other));
    }

    public Obs times(double c) {
        return linearCombination(c * value, new double[] {c}, List.of(this));
    }

    public Obs plus(double c) {
        return linearCombination(value + c, new double[] {1}, List.of(this));
    }

    public Obs log() {
        return linearCombination(Math.log(value), new double[] {1 / value}, List.of(this));
    }

    public Obs exp() {
        double e = Math.exp(value);
        return linearCombination(e, new double[] {e}, List.of(this));
    }

    public Obs sqrt() {
        double r = Math.sqrt(value);
        return linearCombination(r, new double[] {0.5 / r}, List.of(this));
    }

    public Obs pow(double p) {
        return linearCombination(Math.pow(value, p), new double[] {p * Math.pow(value, p - 1)}, List.of(this));
    }

    public Obs abs() {
        return linearCombination(Math.abs(value), new double[] {Math.signum(value)}, List.of(this));
    }

    /**
     * Covariance matrix of several observables: per ensemble e the lag-0 correlation of their fluctuations,
     * ρ^e_ab = Σ_r Σ_i δ_a δ_b / sqrt(Σ_r Σ_i δ_a² · Σ_r Σ_i δ_b²), scaled by the per-ensemble Γ-method errors
     * and summed over ensembles: C_ab = Σ_e σ_{a,e} ρ^e_ab σ_{b,e}, so C_aa = σ_a². Each ρ^e is a Gram matrix,
     * so C is positive semi-definite; using the full errors assumes, as pyerrors does, that the off-diagonal
     * τ_int is the geometric mean of the diagonal ones.
     *
     * <p>For observables on one ensemble with one replica this equals pyerrors' {@code covariance}. Differs from
     * pyerrors: pyerrors normalises the cross term by Σ_r sqrt(Σ_i δ_a² Σ_i δ_b²) (replica by replica), which with
     * several replicas can make the matrix indefinite, and it sums correlation coefficients over ensembles
     * without weighting them by each ensemble's share of the error, which misstates the correlation of
     * observables that depend on several ensembles.
     */
    public static double[][] covariance(List<Obs> obs, double s) {
        int n = obs.size();
        List<ObsResult> results = new ArrayList<>(n);
        for (Obs o : obs) {
            results.add(o.analyze(s));
        }
        double[][] cov = new double[n][n];
        for (String ensemble : allEnsembles(obs)) {
            double[][] gram = lagZeroProducts(obs, ensemble);
            double[] sigma = new double[n];
            for (int a = 0; a < n; a++) {
                GammaResult g = results.get(a).byEnsemble().get(ensemble);
                sigma[a] = g == null ? 0 : g.error();
            }
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n; b++) {
                    double norm = Math.sqrt(gram[a][a] * gram[b][b]);
                    double rho = a == b ? 1 : norm == 0 ? 0 : gram[a][b] / norm;
                    cov[a][b] += sigma[a] * rho * sigma[b];
                }
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        return cov;
    }

    /** The correlation matrix of {@link #covariance}. */
    public static double[][] correlation(List<Obs> obs, double s) {
        double[][] cov = covariance(obs, s);
        int n = cov.length;
        double[][] corr = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                double norm = Math.sqrt(cov[a][a] * cov[b][b]);
                corr[a][b] = norm == 0 ? (a == b ? 1 : 0) : cov[a][b] / norm;
                corr[b][a] = corr[a][b];
            }
        }
        return corr;
    }

    /** Σ_r Σ_i δ_a δ_b on one ensemble; rows and columns of observables that do not depend on it stay 0. */
    private static double[][] lagZeroProducts(List<Obs> obs, String ensemble) {
        int n = obs.size();
        double[][] gram = new double[n][n];
        for (int a = 0; a < n; a++) {
            Fluctuations fa = obs.get(a).ensembles.get(ensemble);
            if (fa == null) {
                continue;
            }
            for (int b = a; b < n; b++) {
                Fluctuations fb = obs.get(b).ensembles.get(ensemble);
                if (fb == null) {
                    continue;
                }
                fa.requireSameSamples(fb, ensemble, b);
                double sum = 0;
                for (int r = 0; r < fa.deltas.length; r++) {
                    sum += dot(fa.deltas[r], fb.deltas[r]);
                }
                gram[a][b] = sum;
                gram[b][a] = sum;
            }
        }
        return gram;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    private static double[] values(List<Obs> inputs) {
        double[] x = new double[inputs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = inputs.get(i).value;
        }
        return x;
    }

    private static List<String> allEnsembles(List<Obs> inputs) {
        TreeMap<String, Boolean> names = new TreeMap<>();
        for (Obs o : inputs) {
            if (o == null) {
                throw new IllegalArgumentException("input observable is null");
            }
            for (String e : o.ensembles.keySet()) {
                names.put(e, true);
            }
        }
        return new ArrayList<>(names.keySet());
    }

    private static long[] consecutive(int n) {
        long[] idx = new long[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    private static void checkIndices(String ensemble, double[][] replicas, long[][] indices) {
        if (indices == null || indices.length != replicas.length) {
            throw new IllegalArgumentException("ensemble " + ensemble + ": need one index array per replica");
        }
        for (int r = 0; r < indices.length; r++) {
            if (indices[r] == null || indices[r].length != replicas[r].length) {
                throw new IllegalArgumentException("ensemble " + ensemble + ", replica " + r + ": "
                        + (indices[r] == null ? "no" : indices[r].length) + " indices for " + replicas[r].length
                        + " samples");
            }
            for (int i = 1; i < indices[r].length; i++) {
                if (indices[r][i] <= indices[r][i - 1]) {
                    throw new IllegalArgumentException("ensemble " + ensemble + ", replica " + r
                            + ": indices must increase strictly, but index " + indices[r][i] + " follows "
                            + indices[r][i - 1]);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Obs[" + value + " on " + ensembles.keySet() + "]";
    }
}
