package org.latticespark.tests.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of the Master and Worker JVMs that {@link StandaloneCluster} starts: runs the real main class
 * (first argument, the rest are its arguments) and exits as soon as its standard input reaches end of file.
 *
 * <p>The parent holds the write end of that pipe, so when the test JVM dies in any way (also killed with
 * SIGKILL by a Surefire timeout, where neither {@code close()} nor a shutdown hook runs) the children notice
 * at once and exit. {@code System.exit} runs Spark's shutdown hooks, and the Worker's hook kills the executor
 * JVMs it launched; if the hooks hang, the JVM halts after {@value #HALT_AFTER_MS} ms.
 */
public final class ParentWatchingMain {
    static final long HALT_AFTER_MS = 15_000;

    private ParentWatchingMain() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ParentWatchingMain <main class> [args...]");
        }
        Thread watcher = new Thread(ParentWatchingMain::exitWhenStdinCloses, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();

        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitWhenStdinCloses() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes; anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as end of file
        }
        System.err.println("ParentWatchingMain: parent process gone (stdin closed), exiting");
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_MS);
            } catch (InterruptedException ignored) {
                // fall through to halt
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watch-halt");
        halter.setDaemon(true);
        halter.start();
        System.exit(3);
    }
}
