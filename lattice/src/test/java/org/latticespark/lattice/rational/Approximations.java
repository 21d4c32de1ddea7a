package org.latticespark.lattice.rational;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shares computed approximations between the tests of this package (each costs a fraction of a second). */
final class Approximations {
    private static final Map<String, RationalApproximation> CACHE = new ConcurrentHashMap<>();

    private Approximations() {}

    static RationalApproximation get(int num, int den, double lambdaMin, double lambdaMax, int degree) {
        String key = num + "/" + den + "@" + lambdaMin + "," + lambdaMax + "#" + degree;
        return CACHE.computeIfAbsent(key, k -> Remez.approximate(num, den, lambdaMin, lambdaMax, degree));
    }
}
