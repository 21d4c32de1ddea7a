package org.latticespark.lattice.backend;

/** Chooses a backend by its configuration name. */
public final class Backends {
    private Backends() {}

    public static PlaquetteBackend plaquette(String name) {
        switch (name) {
            case "java":
                return new JavaPlaquetteBackend();
            case "aparapi":
                return new AparapiPlaquetteBackend();
            default:
                throw new IllegalArgumentException("backend: must be java or aparapi, got " + name);
        }
    }
}
