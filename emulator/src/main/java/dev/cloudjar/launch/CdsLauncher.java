package dev.cloudjar.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Makes {@code java -jar emulator.jar} start from a class-data archive. A JVM takes an archive only
 * from its command line and the jar's manifest cannot add JVM options, so: when a checked archive for
 * this jar and JVM is in the cache folder, CloudJar starts itself again as a child JVM with the archive
 * (same JVM options, arguments, stdin, stdout, stderr and exit code; the child ends when this process
 * ends, even after a {@code kill -9}); when there is none, CloudJar runs in this JVM as before and a
 * background JVM at low priority creates the archive for the next start ({@link CdsTraining}).
 *
 * <p>Off with {@code --no-cds} or {@code CLOUDJAR_CDS=off}, and whenever it cannot apply: JVM options
 * that choose an archive already, a class path that is not one jar file (CDS archives only jars), a
 * cache folder that cannot be written (a read-only home), {@code --help}/{@code --version}.
 * The cache folder is {@code $CLOUDJAR_CDS_DIR}, else {@code $XDG_CACHE_HOME/cloudjar}, else
 * {@code ~/.cache/cloudjar}.
 *
 * <p>LIMITATIONS: the relaunch costs one small JVM start (the parent, which only waits); the first start
 * of a new jar or JDK runs without an archive while the background JVM competes for CPU; archives of
 * earlier builds of the same jar path are removed, others stay until the cache folder is cleared.
 */
public final class CdsLauncher {
    /** Set on the child: the pid it watches, and the mark that it must not relaunch again. */
    public static final String PARENT_PROPERTY = "cloudjar.cds.parent";
    public static final String NO_CDS_FLAG = "--no-cds";
    private static final Duration STALE_LOCK = Duration.ofMinutes(2);
    /** A JVM's exit code after a fatal error (hs_err file, SIGABRT). */
    private static final int CRASHED = 134;
    private static final Duration CRASH_WINDOW = Duration.ofSeconds(10);

    private CdsLauncher() {
    }

    /**
     * Runs CloudJar in a child JVM with the archive and answers its exit code, or empty when CloudJar
     * should run in this JVM (after starting the archive's creation where it makes sense).
     */
    public static OptionalInt relaunch(String[] args) {
        String parent = System.getProperty(PARENT_PROPERTY);
        if (parent != null) {
            watchParent(parent);
            return OptionalInt.empty();
        }
        Optional<Launch> launch = plan(Arrays.asList(args), System.getenv(), ProcessHandle.current().info());
        if (launch.isEmpty()) {
            return OptionalInt.empty();
        }
        SharedArchive archive = launch.get().archive();
        JavaCommandLine self = launch.get().self();
        if (archive.usable()) {
            try {
                long started = System.nanoTime();
                int exit = runChild(self.with(childFlags(archive)));
                if (exit != CRASHED || System.nanoTime() - started > CRASH_WINDOW.toNanos()) {
                    return OptionalInt.of(exit);
                }
                // the JVM died at once (JDK 17 aborts on some damaged archives): forget it and run without
                Files.deleteIfExists(archive.okFile());
                System.err.println("CloudJar: the JVM started from " + archive.file() + " crashed; starting without it");
            } catch (IOException e) {
                return OptionalInt.empty();
            }
            return OptionalInt.empty();
        }
        if (!archive.failedBefore()) {
            startCreation(archive, self);
        }
        return OptionalInt.empty();
    }

    /** The archive and this JVM's command line, or empty when class-data sharing does not apply (see the class comment). */
    static Optional<Launch> plan(List<String> args, Map<String, String> env, ProcessHandle.Info info) {
        if (disabled(args, env) || info.command().isEmpty() || info.arguments().isEmpty()) {
            return Optional.empty();
        }
        Optional<JavaCommandLine> self = JavaCommandLine.parse(info.command().get(), List.of(info.arguments().get()));
        if (self.isEmpty() || self.get().choosesOwnArchive()) {
            return Optional.empty();
        }
        String classPath = System.getProperty("java.class.path", "");
        Path jar = Path.of(classPath);
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar") || !Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try {
            Path dir = cacheDir(env);
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                return Optional.empty();
            }
            String javaIdentity = System.getProperty("java.home") + " " + System.getProperty("java.vm.version");
            SharedArchive archive = SharedArchive.of(dir, Runtime.version().feature(), javaIdentity, jar, self.get().jvmOptions());
            return Optional.of(new Launch(self.get(), archive));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a read-only home or an odd file system: start as before
        }
    }

    /** This JVM's command line and the archive it would start from. */
    record Launch(JavaCommandLine self, SharedArchive archive) {
    }

    static boolean disabled(List<String> args, Map<String, String> env) {
        String setting = env.getOrDefault("CLOUDJAR_CDS", "on").trim().toLowerCase();
        if (setting.equals("off") || setting.equals("false") || setting.equals("0") || setting.equals("no")) {
            return true;
        }
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals(NO_CDS_FLAG) || arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return true;
            }
        }
        return false;
    }

    static Path cacheDir(Map<String, String> env) {
        String own = env.get("CLOUDJAR_CDS_DIR");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("cloudjar");
    }

    private static List<String> childFlags(SharedArchive archive) {
        List<String> flags = new ArrayList<>(archive.useFlags());
        flags.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
        return flags;
    }

    private static int runChild(List<String> command) throws IOException {
        Process child = new ProcessBuilder(command).inheritIO().start();
        Thread stopChild = new Thread(() -> {
            child.destroy(); // SIGTERM: the child's own shutdown hook closes CloudJar
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cloudjar-stop-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        while (true) {
            try {
                int exit = child.waitFor();
                try {
                    Runtime.getRuntime().removeShutdownHook(stopChild);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running already
                }
                return exit;
            } catch (InterruptedException e) {
                // only the child's end ends the wait
            }
        }
    }

    /** The child stops CloudJar cleanly and exits when its parent is gone, however the parent ended. */
    private static void watchParent(String pid) {
        try {
            ProcessHandle.of(Long.parseLong(pid)).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(143)),
                    () -> System.exit(143));
        } catch (NumberFormatException e) {
            // not set by CloudJar: nothing to watch
        }
    }

    /** Starts the background JVM that creates the archive, unless another start is creating it already. */
    private static void startCreation(SharedArchive archive, JavaCommandLine self) {
        try {
            if (!lock(archive.lockFile())) {
                return;
            }
            List<String> args = new ArrayList<>(List.of(CdsTraining.COORDINATE, archive.file().toString(),
                    Boolean.toString(archive.aotCache()), System.getProperty("java.class.path"), "--"));
            args.addAll(self.jvmOptions());
            List<String> command = new ArrayList<>();
            Path setsid = Path.of("/usr/bin/setsid");
            if (Files.isExecutable(setsid)) {
                // its own session, no longer a child: a Ctrl-C or the end of this server does not cut the creation short
                command.addAll(List.of(setsid.toString(), "-f"));
            }
            Path nice = Path.of("/usr/bin/nice");
            if (Files.isExecutable(nice)) {
                command.addAll(List.of(nice.toString(), "-n", "15"));
            }
            command.addAll(new JavaCommandLine(self.java(), List.of(), List.of(), List.of())
                    .running(System.getProperty("java.class.path"), CdsTraining.class.getName(), List.of("-Xshare:auto"), args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            File devNull = new File("/dev/null");
            if (devNull.exists()) {
                builder.redirectInput(devNull); // it must not read the user's terminal
            }
            builder.start();
        } catch (IOException | RuntimeException e) {
            // no archive this time; CloudJar runs as before
        }
    }

    static boolean lock(Path lockFile) throws IOException {
        try {
            Files.createFile(lockFile);
            return true;
        } catch (FileAlreadyExistsException e) {
            FileTime made = Files.getLastModifiedTime(lockFile);
            if (made.toInstant().isBefore(Instant.now().minus(STALE_LOCK))) {
                Files.deleteIfExists(lockFile);
                return lock(lockFile);
            }
            return false;
        }
    }
}
