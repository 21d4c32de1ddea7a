package org.latticespark.spark.measure;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.latticespark.generation.ChainConfig;
import org.latticespark.generation.UpdateRecord;
import org.latticespark.spark.table.StoredConfiguration;
import org.latticespark.spark.table.Tables;

/**
 * The "generation" stage: turns the update history stored with each configuration into
 * observables, one value per update after thermalization (index = the update's number):
 * {@code update_plaquette} (gauge) or {@code update_action_density} (φ⁴, S/V) always; for HMC and flow
 * chains also {@code delta_h}, {@code exp_minus_delta_h} (⟨e^{−ΔH}⟩ = 1 checks the integrator, and the
 * equilibrium of an independence Metropolis–Hastings chain, whose ΔH is log w(current) − log w(proposal)) and
 * {@code accepted} (1/0). For heatbath these three are constants (0, 1, 1) and are left out. With dynamical
 * fermions also {@code solver_iterations}, the Krylov iterations of the trajectory; for a flow chain also
 * {@code log_weight}, log w = −S − log q of each proposal, from which the analysis takes the effective sample size.
 */
public final class GenerationStage {
    public static final String NAME = "generation";
    public static final String DELTA_H = "delta_h";
    public static final String EXP_MINUS_DELTA_H = "exp_minus_delta_h";
    public static final String ACCEPTED = "accepted";
    public static final String UPDATE_PLAQUETTE = "update_plaquette";
    public static final String UPDATE_ACTION_DENSITY = "update_action_density";
    public static final String SOLVER_ITERATIONS = "solver_iterations";
    public static final String LOG_WEIGHT = "log_weight";

    private GenerationStage() {}

    public static List<String> observables(ChainConfig config) {
        List<String> out = new ArrayList<>();
        if (config.algorithm != ChainConfig.Algorithm.HEATBATH) out.addAll(List.of(DELTA_H, EXP_MINUS_DELTA_H, ACCEPTED));
        out.add(config.isScalar() ? UPDATE_ACTION_DENSITY : UPDATE_PLAQUETTE);
        if (config.fermions.dynamical()) out.add(SOLVER_ITERATIONS);
        if (config.algorithm == ChainConfig.Algorithm.FLOW) out.add(LOG_WEIGHT);
        return out;
    }

    public static List<Row> rows(StoredConfiguration sc) {
        ChainConfig config = sc.config();
        boolean metropolis = config.algorithm != ChainConfig.Algorithm.HEATBATH;
        boolean fermions = config.fermions.dynamical();
        boolean flow = config.algorithm == ChainConfig.Algorithm.FLOW;
        String monitor = config.isScalar() ? UPDATE_ACTION_DENSITY : UPDATE_PLAQUETTE;
        long thermalization = config.thermalization;
        List<Row> out = new ArrayList<>();
        for (UpdateRecord r : sc.history()) {
            if (r.index() <= thermalization) continue;
            if (metropolis) {
                out.add(Tables.measurementRow(sc.ensemble(), sc.chain(), r.index(), DELTA_H, 0, r.deltaH()));
                out.add(Tables.measurementRow(sc.ensemble(), sc.chain(), r.index(), EXP_MINUS_DELTA_H, 0,
                        Math.exp(-r.deltaH())));
                out.add(Tables.measurementRow(sc.ensemble(), sc.chain(), r.index(), ACCEPTED, 0,
                        r.accepted() ? 1.0 : 0.0));
            }
            out.add(Tables.measurementRow(sc.ensemble(), sc.chain(), r.index(), monitor, 0, r.plaquette()));
            if (fermions) {
                out.add(Tables.measurementRow(sc.ensemble(), sc.chain(), r.index(), SOLVER_ITERATIONS, 0,
                        r.solverIterations()));
            }
            if (flow) out.add(Tables.measurementRow(sc.ensemble(), sc.chain(), r.index(), LOG_WEIGHT, 0, r.logWeight()));
        }
        return out;
    }
}
