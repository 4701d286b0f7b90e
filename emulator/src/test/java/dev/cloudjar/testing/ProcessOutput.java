package dev.cloudjar.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The output lines of a started CloudJar process, collected as they come, and the wait for its ready line. */
public final class ProcessOutput {
    private ProcessOutput() {
    }

    /** Collects the process's standard output (with stderr if redirected) line by line on a daemon thread. */
    public static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The first group of the first line matching {@code ready}; the process is killed when none comes within 60 s. */
    public static String await(Process process, BlockingQueue<String> lines, Pattern ready) throws InterruptedException {
        while (true) {
            String line = lines.poll(60, TimeUnit.SECONDS);
            if (line == null) {
                process.destroyForcibly();
                throw new AssertionError("CloudJar did not say it was ready");
            }
            Matcher matcher = ready.matcher(line);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
    }
}
