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
 * {@code update_plaquette} always; for HMC also {@code delta_h}, {@code exp_minus_delta_h}
 * (⟨e^{−ΔH}⟩ = 1 checks the integrator) and {@code accepted} (1/0). For heatbath these three are
 * constants (0, 1, 1) and are left out. With dynamical fermions also {@code solver_iterations}, the
 * Krylov iterations of the trajectory (heat bath, force and action solves).
 */
public final class GenerationStage {
    public static final String NAME = "generation";
    public static final String DELTA_H = "delta_h";
    public static final String EXP_MINUS_DELTA_H = "exp_minus_delta_h";
    public static final String ACCEPTED = "accepted";
    public static final String UPDATE_PLAQUETTE = "update_plaquette";
    public static final String SOLVER_ITERATIONS = "solver_iterations";

    private GenerationStage() {}

    public static List<String> observables(ChainConfig config) {
        if (config.algorithm != ChainConfig.Algorithm.HMC) return List.of(UPDATE_PLAQUETTE);
        return config.fermions.dynamical()
                ? List.of(DELTA_H, EXP_MINUS_DELTA_H, ACCEPTED, UPDATE_PLAQUETTE, SOLVER_ITERATIONS)
                : List.of(DELTA_H, EXP_MINUS_DELTA_H, ACCEPTED, UPDATE_PLAQUETTE);
    }

    public static List<Row> rows(StoredConfiguration sc) {
        boolean hmc = sc.config().algorithm == ChainConfig.Algorithm.HMC;
        boolean fermions = sc.config().fermions.dynamical();
        long thermalization = sc.config().thermalization;
        List<Row> out = new ArrayList<>();
        for (UpdateRecord r : sc.history()) {
            if (r.index() <= thermalization) continue;
            if (hmc) {
                out.add(Tables.measurementRow(sc.ensemble(), sc.chain(), r.index(), DELTA_H, 0, r.deltaH()));
                out.add(Tables.measurementRow(sc.ensemble(), sc.chain(), r.index(), EXP_MINUS_DELTA_H, 0,
                        Math.exp(-r.deltaH())));
                out.add(Tables.measurementRow(sc.ensemble(), sc.chain(), r.index(), ACCEPTED, 0,
                        r.accepted() ? 1.0 : 0.0));
            }
            out.add(Tables.measurementRow(sc.ensemble(), sc.chain(), r.index(), UPDATE_PLAQUETTE, 0, r.plaquette()));
            if (fermions) {
                out.add(Tables.measurementRow(sc.ensemble(), sc.chain(), r.index(), SOLVER_ITERATIONS, 0,
                        r.solverIterations()));
            }
        }
        return out;
    }
}
