package org.latticespark.lattice.codec;

/** A stored configuration that fails verification: its message names what and where. */
public final class CorruptConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CorruptConfigurationException(String message) {
        super(message);
    }
}
