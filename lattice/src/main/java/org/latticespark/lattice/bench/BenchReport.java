package org.latticespark.lattice.bench;

import java.util.List;

/**
 * Everything one benchmark run measured: the machine ({@code cores} = available processors, the JVM), the
 * triad bandwidth, one {@link KernelResult} per lattice and kernel in the order run, and one {@link CgResult}
 * per lattice.
 */
public record BenchReport(int cores, int threads, String jvm, TriadResult triad, List<KernelResult> kernels,
        List<CgResult> solves) {
    public BenchReport {
        kernels = List.copyOf(kernels);
        solves = List.copyOf(solves);
    }

    /** "Java 17.0.15 (OpenJDK 64-Bit Server VM 17.0.15+6-…)" of the running JVM. */
    public static String currentJvm() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.vm.version") + ")";
    }
}
