package org.latticespark.spark.analyze;

import java.io.Serializable;

/**
 * The Γ-method result of one observable of one ensemble. When the analysis could not be done
 * (too few samples, window not closing, ...) the numbers are NaN and {@code note} says why;
 * otherwise {@code note} is empty.
 */
public record SummaryRow(String ensemble, String observable, double value, double error, double errorOfError,
                         double tauInt, double tauIntError, int window, long samples, int chains, String note)
        implements Serializable {
    public boolean ok() {
        return note.isEmpty();
    }
}
