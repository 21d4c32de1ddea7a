package org.latticespark.analysis.fit;

import java.util.List;

/** {@link FitModel#of}: a formula with numerical derivatives. */
final class FormulaModel implements FitModel {
    private final String name;
    private final List<String> parameterNames;
    private final ModelFunction f;

    FormulaModel(String name, List<String> parameterNames, ModelFunction f) {
        if (name == null || parameterNames == null || f == null) {
            throw new IllegalArgumentException("model name, parameter names and formula must not be null");
        }
        if (parameterNames.isEmpty()) {
            throw new IllegalArgumentException("model '" + name + "' needs at least one parameter");
        }
        this.name = name;
        this.parameterNames = List.copyOf(parameterNames);
        this.f = f;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> parameterNames() {
        return parameterNames;
    }

    @Override
    public double value(double x, double[] p) {
        return f.value(x, p);
    }

    @Override
    public String toString() {
        return name;
    }
}
