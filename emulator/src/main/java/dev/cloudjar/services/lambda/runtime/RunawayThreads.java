package dev.cloudjar.services.lambda.runtime;

import java.lang.reflect.Method;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deals with handler threads that ignore the interrupt sent at a timeout (a busy loop would otherwise
 * burn a core of CloudJar's forever): after a grace period the thread is stopped with
 * {@code Thread.stop} where the JVM still supports it (Java 19 and earlier), else demoted to the lowest
 * priority and reported. The thread only ever runs the discarded environment's code.
 */
final class RunawayThreads {
    private static final Logger LOG = LoggerFactory.getLogger(RunawayThreads.class);
    private static final long GRACE_MILLIS = 1000;
    private static final ScheduledExecutorService REAPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lambda-runaway-reaper");
        t.setDaemon(true);
        return t;
    });
    private static final Method STOP = stopMethod();

    private RunawayThreads() {
    }

    private static Method stopMethod() {
        if (Runtime.version().feature() >= 20) {
            return null; // Thread.stop throws UnsupportedOperationException from Java 20 on
        }
        try {
            return Thread.class.getMethod("stop");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Stops the thread if it is still alive after the grace period. */
    static void reap(Thread thread, String functionName) {
        if (thread == null) {
            return;
        }
        REAPER.schedule(() -> {
            if (!thread.isAlive()) {
                return;
            }
            thread.setPriority(Thread.MIN_PRIORITY);
            if (STOP != null) {
                try {
                    STOP.invoke(thread);
                    LOG.warn("stopped a thread of function {} that ignored its timeout", functionName);
                    return;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    LOG.debug("Thread.stop unavailable", e);
                }
            }
            LOG.warn("a thread of function {} ignores its timeout and keeps running at lowest priority", functionName);
        }, GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }
}
