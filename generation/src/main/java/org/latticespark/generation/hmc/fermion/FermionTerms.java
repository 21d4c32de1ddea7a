package org.latticespark.generation.hmc.fermion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.latticespark.generation.FermionConfig;
import org.latticespark.generation.hmc.Monomial;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.group.GaugeGroup;
import org.latticespark.lattice.parallel.Parallelism;
import org.latticespark.lattice.solver.ConjugateGradient;
import org.latticespark.lattice.solver.MultiShiftCg;

/** The pseudofermion terms of the HMC Hamiltonian for an ensemble's {@code fermions.*} keys. */
public final class FermionTerms {
    private FermionTerms() {}

    /** The RHMC approximations of every staggered species that needs one, in species order (for the run log). */
    public static List<StaggeredRationalApproximations> rationalApproximations(FermionConfig f, int dimensions) {
        List<StaggeredRationalApproximations> out = new ArrayList<>();
        if (f.type != FermionConfig.Type.STAGGERED) return out;
        for (int i = 0; i < f.masses.length; i++) {
            if (f.flavours[i] != FermionConfig.tastes(dimensions)) {
                out.add(approximations(dimensions, f.flavours[i], f.masses[i], f.rationalTolerance));
            }
        }
        return out;
    }

    /** Remez takes up to seconds: the chains of an ensemble that share a JVM (a Spark executor) share the result. */
    private static StaggeredRationalApproximations approximations(int d, int flavours, double mass, double tolerance) {
        return CACHE.computeIfAbsent(List.of(d, flavours, mass, tolerance),
                k -> StaggeredRationalApproximations.create(d, flavours, mass, tolerance));
    }

    private static final Map<List<Object>, StaggeredRationalApproximations> CACHE = new ConcurrentHashMap<>();

    /** One term per species (two for a Hasenbusch-split Wilson species); pseudofermion indices 0, 1, … in order. */
    public static List<Monomial> create(FermionConfig f, Lattice lattice, GaugeGroup group, Parallelism par) {
        List<Monomial> terms = new ArrayList<>();
        if (!f.dynamical()) return terms;
        ConjugateGradient actionCg = new ConjugateGradient(f.tolerance, f.maxIterations, par);
        ConjugateGradient forceCg = new ConjugateGradient(f.forceTolerance, f.maxIterations, par);
        int tastes = FermionConfig.tastes(lattice.dimensions());
        switch (f.type) {
            case STAGGERED -> {
                for (int i = 0; i < f.masses.length; i++) {
                    if (f.flavours[i] == tastes) {
                        terms.add(new StaggeredPseudofermion(lattice, group, f.masses[i], terms.size(), actionCg, forceCg,
                                par));
                    } else {
                        terms.add(new StaggeredRationalPseudofermion(lattice, group, terms.size(),
                                approximations(lattice.dimensions(), f.flavours[i], f.masses[i], f.rationalTolerance),
                                new MultiShiftCg(f.tolerance, f.maxIterations, par),
                                new MultiShiftCg(f.forceTolerance, f.maxIterations, par), par));
                    }
                }
            }
            case WILSON -> {
                for (double kappa : f.kappas) {
                    if (f.hasenbuschKappa > 0) {
                        terms.add(new WilsonPseudofermion(lattice, group, f.hasenbuschKappa, terms.size(), actionCg,
                                forceCg, par));
                        terms.add(new WilsonHasenbuschRatio(lattice, group, kappa, f.hasenbuschKappa, terms.size(),
                                actionCg, forceCg, par));
                    } else if (f.cSw != 0) {
                        terms.add(new WilsonCloverPseudofermion(lattice, group, kappa, f.cSw, terms.size(), actionCg,
                                forceCg, par));
                    } else {
                        terms.add(new WilsonPseudofermion(lattice, group, kappa, terms.size(), actionCg, forceCg, par));
                    }
                }
            }
            default -> throw new IllegalStateException(f.type.toString());
        }
        return terms;
    }
}
