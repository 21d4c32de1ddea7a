package org.latticespark.spark;

import java.io.PrintWriter;
import org.latticespark.lattice.codec.CorruptConfigurationException;
import org.latticespark.spark.cli.Cli;

/**
 * {@code latticespark generate|measure|analyze|run CONFIG [--master URL] [--output DIR] [--overwrite]}.
 * Exit status: 0 success, 2 bad input (a message naming the file, key or path on stderr, no stack
 * trace), 1 any other failure.
 */
public final class Main {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI without exiting the JVM; returns the exit status. */
    public static int run(String... args) {
        return Cli.commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** The user-facing problem in an exception's cause chain, if there is one (bad input or corrupt data). */
    public static RuntimeException badInput(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InvalidInputException || c instanceof CorruptConfigurationException) {
                return (RuntimeException) c;
            }
            if (c.getCause() == c) break;
        }
        return null;
    }
}
