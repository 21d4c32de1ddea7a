package org.latticespark.lattice.backend;

import com.aparapi.Kernel;
import com.aparapi.ProfileReport;
import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.kernel.KernelManager;
import com.aparapi.internal.kernel.KernelProfile;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the device on which Aparapi really ran a kernel. {@code Kernel.getTargetDevice()} and
 * {@code isRunningCL()} only name the preferred device of the kernel class, and Aparapi's
 * device-usage report is built from them, so both still name the OpenCL device when a per-instance
 * or global JTP execution mode ran the Java thread pool. Aparapi's per-thread execution counts do
 * not lie: the device whose count rose during the call ran it.
 */
final class ExecutedDevice {
    private ExecutedDevice() {}

    /** Runs {@code execute} (one execution of {@code kernel} on the calling thread); returns the device that ran it. */
    static Device run(Kernel kernel, Runnable execute) {
        KernelProfile profile = KernelManager.instance().getProfile(kernel.getClass());
        Map<Device, Long> before = executions(profile);
        execute.run();
        List<Device> failed = KernelManager.instance().getPreferences(kernel).getFailedDevices();
        Device ran = null;
        for (Map.Entry<Device, Long> e : executions(profile).entrySet()) {
            Device d = e.getKey();
            // A device Aparapi tried and gave up on is counted too: choosing by preference it marks
            // such a device failed; in a fixed execution mode it falls back towards Java, never away.
            if (e.getValue() > before.getOrDefault(d, 0L) && !failed.contains(d) && (ran == null || d instanceof JavaDevice)) {
                ran = d;
            }
        }
        if (ran == null) {
            throw new IllegalStateException("Aparapi recorded no execution of " + kernel.getClass().getSimpleName());
        }
        return ran;
    }

    /** "aparapi:OpenCL:&lt;device name&gt;", "aparapi:JTP" or "aparapi:SEQ". */
    static String describe(Device device) {
        if (device instanceof OpenCLDevice cl) return "aparapi:OpenCL:" + cl.getName();
        return device == JavaDevice.SEQUENTIAL ? "aparapi:SEQ" : "aparapi:JTP";
    }

    private static Map<Device, Long> executions(KernelProfile profile) {
        Map<Device, Long> counts = new HashMap<>();
        for (Device d : profile.getDevices()) {
            WeakReference<ProfileReport> ref = profile.getDeviceProfile(d).getReportCurrentThread();
            ProfileReport report = ref == null ? null : ref.get();
            if (report != null) counts.put(d, report.getReportId());
        }
        return counts;
    }
}
