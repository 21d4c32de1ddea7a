package org.latticespark.lattice.backend;

import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.kernel.KernelManager;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * OpenCL drivers built on LLVM (PoCL among them) replace the JVM's SIGSEGV, SIGBUS and SIGILL
 * handlers when they load. The JVM raises those signals on purpose, so it may then die at random
 * with no hs_err file. Preloading the JVM's signal-chaining library keeps the JVM's handlers first.
 */
final class SignalChaining {
    private static final AtomicBoolean CHECKED = new AtomicBoolean();

    private SignalChaining() {}

    /** Once per JVM: warns if an OpenCL platform is loaded without libjsig preloaded (Linux). */
    static void warnIfMissing(System.Logger log) {
        if (!CHECKED.compareAndSet(false, true)) return;
        String preload = System.getenv("LD_PRELOAD");
        if (preload != null && preload.contains("libjsig")) return;
        if (KernelManager.instance().bestDevice() instanceof OpenCLDevice) {
            log.log(System.Logger.Level.WARNING, "an OpenCL driver is loaded without the JVM's signal chaining; "
                    + "an LLVM-based driver such as PoCL can make this JVM crash. Start it with LD_PRELOAD="
                    + Path.of(System.getProperty("java.home"), "lib", "libjsig.so"));
        }
    }
}
