package org.latticespark.spark;

/**
 * Bad input from the user: a configuration file, a key, a value, an output folder that already
 * exists, a missing input table. The message names the file and key or path; the CLI prints it
 * without a stack trace and exits with status 2.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
