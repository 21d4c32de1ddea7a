package org.latticespark.spark.io;

import org.latticespark.spark.InvalidInputException;

/** The output exists and {@code --overwrite} was not given. */
public final class OutputExistsException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public OutputExistsException(String message) {
        super(message);
    }
}
