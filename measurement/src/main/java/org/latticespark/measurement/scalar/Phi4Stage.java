package org.latticespark.measurement.scalar;

import java.util.ArrayList;
import java.util.List;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.scalar.Phi4Action;
import org.latticespark.lattice.scalar.ScalarField;
import org.latticespark.measurement.Measurement;
import org.latticespark.measurement.MeasurementContext;

/**
 * The φ⁴ observables of {@link ScalarObservables}, stage "phi4", source 0, in this order: {@code magnetization} M,
 * {@code abs_magnetization} |M|, {@code volume_magnetization_sq} V·M² (its mean is the susceptibility χ = V⟨M²⟩,
 * which is the connected one while ⟨M⟩ = 0 by symmetry on a finite lattice), {@code phi2} (1/V)Σφ²,
 * {@code action_density} S/V, then {@code two_point_t<t>} = C(t) for t = 0 … L_t/2 (C(t) = C(L_t − t) by
 * time-reflection, so the rest is redundant). No random numbers are used.
 */
public final class Phi4Stage implements ScalarMeasurementStage {
    private static final long serialVersionUID = 1L;

    public static final String NAME = "phi4";
    public static final String MAGNETIZATION = "magnetization";
    public static final String ABS_MAGNETIZATION = "abs_magnetization";
    public static final String VOLUME_MAGNETIZATION_SQ = "volume_magnetization_sq";
    public static final String PHI2 = "phi2";
    public static final String ACTION_DENSITY = "action_density";
    public static final String TWO_POINT = "two_point";

    private final Phi4Action action;
    private final int timeExtent;

    /** @param timeExtent L_t of the ensemble's lattice: the stage writes C(0) … C(L_t/2) */
    public Phi4Stage(Phi4Action action, int timeExtent) {
        if (action == null) throw new IllegalArgumentException("phi4 action must not be null");
        if (timeExtent < 1) throw new IllegalArgumentException("time extent must be >= 1, got " + timeExtent);
        this.action = action;
        this.timeExtent = timeExtent;
    }

    /** The observable name of C(t): {@code two_point_t<t>}. */
    public static String twoPoint(int t) { return TWO_POINT + "_t" + t; }

    public Phi4Action action() { return action; }

    @Override
    public String name() { return NAME; }

    @Override
    public List<String> observables() {
        List<String> names = new ArrayList<>(List.of(MAGNETIZATION, ABS_MAGNETIZATION, VOLUME_MAGNETIZATION_SQ, PHI2,
                ACTION_DENSITY));
        for (int t = 0; t <= timeExtent / 2; t++) names.add(twoPoint(t));
        return names;
    }

    @Override
    public List<Measurement> measure(ScalarField field, MeasurementContext context) {
        if (field == null) throw new IllegalArgumentException("scalar field must not be null");
        Lattice lat = field.lattice();
        if (lat.timeExtent() != timeExtent) {
            throw new IllegalArgumentException("phi4 stage made for time extent " + timeExtent + ", the field has "
                    + lat);
        }
        double[] phi = field.values();
        double m = ScalarObservables.magnetization(lat, phi);
        double[] c = ScalarObservables.twoPoint(lat, phi);
        List<Measurement> out = new ArrayList<>(6 + timeExtent / 2);
        out.add(new Measurement(MAGNETIZATION, 0, m));
        out.add(new Measurement(ABS_MAGNETIZATION, 0, Math.abs(m)));
        out.add(new Measurement(VOLUME_MAGNETIZATION_SQ, 0, lat.volume() * m * m));
        out.add(new Measurement(PHI2, 0, ScalarObservables.phiSquared(lat, phi)));
        out.add(new Measurement(ACTION_DENSITY, 0, ScalarObservables.actionDensity(lat, phi, action)));
        for (int t = 0; t <= timeExtent / 2; t++) out.add(new Measurement(twoPoint(t), 0, c[t]));
        return out;
    }
}
