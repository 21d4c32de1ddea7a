package org.latticespark.lattice.backend;

import com.aparapi.Kernel;
import com.aparapi.Range;
import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.latticespark.lattice.field.GaugeField;
import org.latticespark.lattice.geometry.Lattice;
import org.latticespark.lattice.parallel.Parallelism;

/**
 * The plaquette sum as an Aparapi kernel: OpenCL where Aparapi finds a usable device, otherwise
 * Aparapi's Java thread pool. The per-site values are summed on the host with {@link Parallelism#sum},
 * in the Java backend's block order whatever the thread count. One instance serves one thread at a
 * time; separate instances may run concurrently.
 */
public final class AparapiPlaquetteBackend implements PlaquetteBackend {
    private static final System.Logger LOG = System.getLogger(AparapiPlaquetteBackend.class.getName());
    /**
     * Aparapi's dispose() clears a static cache that a first (compiling) execution of another kernel
     * instance may be reading, without the lock that execution holds; so those two take turns.
     */
    private static final Object COMPILE_LOCK = new Object();
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private final PlaquetteKernel kernel = new PlaquetteKernel();
    private int[] up;
    private double[] perSite;
    private Range range;
    private boolean executedOnce;
    private String description = "aparapi (not run yet)";

    /** A backend whose kernel always runs on Aparapi's Java thread pool, whatever devices exist. */
    @SuppressWarnings("deprecation") // Aparapi forces JTP per kernel instance only through this setter.
    static AparapiPlaquetteBackend javaThreadPool() {
        AparapiPlaquetteBackend backend = new AparapiPlaquetteBackend();
        backend.kernel.setExecutionMode(Kernel.EXECUTION_MODE.JTP);
        return backend;
    }

    @Override
    public double plaquetteSum(GaugeField field, Parallelism par) {
        bind(field);
        Device ran;
        if (executedOnce) {
            ran = ExecutedDevice.run(kernel, () -> kernel.execute(range));
        } else {
            synchronized (COMPILE_LOCK) {
                ran = ExecutedDevice.run(kernel, () -> kernel.execute(range));
            }
            executedOnce = true;
            SignalChaining.warnIfMissing(LOG);
        }
        boolean openCL = ran instanceof OpenCLDevice;
        if (openCL && kernel.isExplicit()) kernel.get(perSite);
        // Explicit transfers only once OpenCL is known to run this instance: Aparapi decides whether
        // to honour put/get by the kernel class's preferred device, not by what runs.
        kernel.setExplicit(openCL);
        record(ExecutedDevice.describe(ran), openCL);
        double[] values = perSite;
        return par.sum(values.length, site -> values[site]);
    }

    private void bind(GaugeField field) {
        Lattice lattice = field.lattice();
        if (lattice.upTable() != up) {
            up = lattice.upTable();
            perSite = new double[lattice.volume()];
            range = Range.create(lattice.volume());
            kernel.setExplicit(false); // new arrays: one implicit call transfers them all
        }
        kernel.bind(field.group().n(), lattice.dimensions(), field.links(), up, perSite);
        if (kernel.isExplicit()) kernel.put(field.links());
    }

    private void record(String ranOn, boolean openCL) {
        description = ranOn;
        if (LOGGED.add(ranOn)) {
            LOG.log(openCL ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                    openCL ? "plaquette kernel runs on " + ranOn
                            : "plaquette kernel runs in Java (" + ranOn
                                    + "): no usable OpenCL device, or a Java execution mode was requested");
        }
    }

    @Override
    public String description() { return description; }

    @Override
    public void close() {
        synchronized (COMPILE_LOCK) {
            kernel.dispose();
        }
    }
}
