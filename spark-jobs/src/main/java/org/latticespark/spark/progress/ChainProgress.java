package org.latticespark.spark.progress;

import java.io.Serializable;

/**
 * Where one chain stands, as its task reports it: updates done of the total, the last plaquette
 * and the accepted updates so far (HMC; heatbath sweeps always count as accepted), which task
 * attempt it is, what computes the plaquette ({@code Chain.backendDescription()}) and the seconds this task
 * has spent in the chain's updates (the cost of an update, for the log and run.json; never stored in a table).
 */
public record ChainProgress(String ensemble, int chain, long done, long total, double plaquette, long accepted,
                            int attempt, String backend, double updateSeconds) implements Serializable {
    public ChainProgress(String ensemble, int chain, long done, long total, double plaquette, long accepted, int attempt,
                         String backend) {
        this(ensemble, chain, done, total, plaquette, accepted, attempt, backend, 0);
    }

    public ChainProgress withUpdateSeconds(double seconds) {
        return new ChainProgress(ensemble, chain, done, total, plaquette, accepted, attempt, backend, seconds);
    }

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
