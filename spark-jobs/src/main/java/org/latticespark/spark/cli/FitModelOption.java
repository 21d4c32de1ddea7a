package org.latticespark.spark.cli;

import org.latticespark.analysis.fit.Cosh;
import org.latticespark.analysis.fit.Exponential;
import org.latticespark.analysis.fit.FitModel;
import org.latticespark.analysis.fit.Polynomial;
import org.latticespark.analysis.fit.TwoExponentials;
import org.latticespark.spark.InvalidInputException;

/**
 * The {@code --model} of {@code latticespark fit}: {@code const}, {@code poly:D}, {@code exp}, {@code cosh:T},
 * {@code exp2}.
 *
 * @param text     as given, stripped
 * @param model    the fit function
 * @param decaying a correlator model in t (exp, cosh, exp2), worth a plot on a log scale
 */
record FitModelOption(String text, FitModel model, boolean decaying) {
    static final String MODELS = "const, poly:D (D the degree), exp, cosh:T (T the periodic time extent) or exp2";

    static FitModelOption parse(String given) {
        String text = given.strip();
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String argument = colon < 0 ? null : text.substring(colon + 1).strip();
        switch (kind) {
            case "const" -> {
                noArgument(text, argument);
                return new FitModelOption(text, Polynomial.constant(), false);
            }
            case "poly" -> {
                return new FitModelOption(text, Polynomial.ofDegree(degree(text, argument)), false);
            }
            case "exp" -> {
                noArgument(text, argument);
                return new FitModelOption(text, new Exponential(), true);
            }
            case "cosh" -> {
                return new FitModelOption(text, new Cosh(period(text, argument)), true);
            }
            case "exp2" -> {
                noArgument(text, argument);
                return new FitModelOption(text, new TwoExponentials(), true);
            }
            default -> throw new InvalidInputException("--model '" + text + "': unknown model; use " + MODELS);
        }
    }

    private static void noArgument(String text, String argument) {
        if (argument != null) {
            throw new InvalidInputException("--model '" + text + "': this model takes no ':' argument; use " + MODELS);
        }
    }

    private static int degree(String text, String argument) {
        if (argument == null || argument.isEmpty()) {
            throw new InvalidInputException("--model '" + text + "': give the degree, e.g. poly:2");
        }
        int degree;
        try {
            degree = Integer.parseInt(argument);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--model '" + text + "': the degree D of poly:D must be an integer >= 0", e);
        }
        if (degree < 0) {
            throw new InvalidInputException("--model '" + text + "': the degree D of poly:D must be an integer >= 0");
        }
        return degree;
    }

    private static double period(String text, String argument) {
        if (argument == null || argument.isEmpty()) {
            throw new InvalidInputException("--model '" + text + "': give the time extent T of the lattice, e.g. cosh:48");
        }
        double period;
        try {
            period = Double.parseDouble(argument);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--model '" + text + "': the time extent T of cosh:T must be a number > 0", e);
        }
        if (!(period > 0) || Double.isInfinite(period)) {
            throw new InvalidInputException("--model '" + text + "': the time extent T of cosh:T must be finite and > 0");
        }
        return period;
    }
}
