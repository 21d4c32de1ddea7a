package org.latticespark.spark.progress;

import java.io.Serializable;

/**
 * Where one chain stands, as its task reports it: updates done of the total, the last plaquette
 * and the accepted updates so far (HMC; heatbath sweeps always count as accepted), which task
 * attempt it is and what computes the plaquette ({@code Chain.backendDescription()}).
 */
public record ChainProgress(String ensemble, int chain, long done, long total, double plaquette, long accepted,
                            int attempt, String backend) implements Serializable {
    public String key() {
        return key(ensemble, chain);
    }

    public static String key(String ensemble, int chain) {
        return ensemble + "/" + chain;
    }

    /** Accepted / done: for a chain this task ran from its start (a resumed chain's done includes the stored part). */
    public double acceptance() {
        return done == 0 ? Double.NaN : (double) accepted / done;
    }

    public boolean finished() {
        return done >= total;
    }
}
