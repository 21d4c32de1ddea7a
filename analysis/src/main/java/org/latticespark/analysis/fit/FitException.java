package org.latticespark.analysis.fit;

/**
 * A fit that failed although its input was valid: the minimiser did not converge, or the minimum does not
 * determine the parameters (χ² Hessian not positive definite).
 */
public class FitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FitException(String message) {
        super(message);
    }
}
