package dev.cloudjar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a process's consumed CPU time and resident memory from Linux /proc. CPU is utime + stime of
 * /proc/PID/stat (fields 14 and 15, in clock ticks; ticks per second from `getconf CLK_TCK`, 100 when
 * that cannot be run). Child threads are included because they are threads of the same process.
 */
public final class ProcessCpu {
    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcessCpu() {
    }

    /** CPU milliseconds (user + system) the process has used so far, or -1 when it cannot be read. */
    public static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) is in parentheses and may contain spaces: split after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            // fields[0] is field 3 (state), so utime (14) is fields[11] and stime (15) fields[12]
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmRSS of the process in KiB, or -1 when it cannot be read. */
    public static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            long ticks = Long.parseLong(out);
            return ticks > 0 ? ticks : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
