package org.latticespark.measurement.fermion;

import java.util.ArrayList;
import java.util.List;
import org.latticespark.lattice.fermion.staggered.StaggeredOperator;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.solver.BiCgStab;
import org.latticespark.lattice.solver.ConjugateGradient;
import org.latticespark.measurement.Measurement;
import org.latticespark.measurement.MeasurementContext;
import org.latticespark.measurement.MeasurementStage;

/**
 * The stochastic chiral condensate, stage "condensate". Staggered: one row per noise vector η of
 * {@code pbp} = (Nf/4)(1/V) Re η†(D + m)⁻¹η ({@link StaggeredCondensate}); Wilson: (1/V) Re η†M⁻¹η with
 * M = 1 − κH, the κ normalisation ({@link WilsonCondensate}; 2κ times it is the bare-quark-mass normalisation).
 * The mean over vectors is an unbiased estimate of the trace; the rows are kept apart so that the analysis sees
 * the noise variance. Then one row per vector of {@code pbp_iterations}, the Krylov iterations of its (even–odd
 * reduced) solve. Both observables carry the noise id as source.
 *
 * <p>Noise: {@link NoiseSource} on the context's stream (run seed, chain), keyed by configuration =
 * {@link MeasurementContext#index()} and noise ids 0 … vectors−1, so a measurement is reproducible bit for bit.
 * Solves run on one thread: Spark already runs one configuration per core.
 */
public final class CondensateStage implements MeasurementStage {
    private static final long serialVersionUID = 1L;

    public static final String NAME = "condensate";
    public static final String PBP = "pbp";
    public static final String ITERATIONS = "pbp_iterations";

    private final CondensateSettings settings;

    public CondensateStage(CondensateSettings settings) {
        if (settings == null) throw new IllegalArgumentException("condensate settings must not be null");
        this.settings = settings;
    }

    public CondensateSettings settings() { return settings; }

    @Override
    public String name() { return NAME; }

    @Override
    public List<String> observables() { return List.of(PBP, ITERATIONS); }

    @Override
    public List<Measurement> measure(GaugeField field, MeasurementContext context) {
        if (field == null) throw new IllegalArgumentException("gauge field must not be null");
        if (context == null) throw new IllegalArgumentException("measurement context must not be null");
        List<NoiseEstimate> estimates = estimates(field, context);
        List<Measurement> out = new ArrayList<>(2 * estimates.size());
        for (NoiseEstimate e : estimates) out.add(new Measurement(PBP, e.noiseId(), e.value()));
        for (NoiseEstimate e : estimates) out.add(new Measurement(ITERATIONS, e.noiseId(), e.solver().iterations()));
        return out;
    }

    private List<NoiseEstimate> estimates(GaugeField field, MeasurementContext context) {
        NoiseSource noise = new NoiseSource(context.stream(), settings.noise());
        Parallelism par = Parallelism.serial();
        if (settings.type() == FermionType.STAGGERED) {
            StaggeredCondensate c = new StaggeredCondensate(new StaggeredOperator(field, settings.mass(), par),
                    settings.flavours(), new ConjugateGradient(settings.tolerance(), settings.maxIterations(), par));
            return c.measure(noise, context.index(), settings.vectors());
        }
        WilsonCondensate c = new WilsonCondensate(field, settings.kappa(), settings.cSw(),
                new BiCgStab(settings.tolerance(), settings.maxIterations(), par), par);
        return c.measure(noise, context.index(), settings.vectors());
    }
}
