package dev.cloudjar.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line this JVM was started with, split into the JVM options, what it launches
 * ({@code -jar X} or {@code -cp X Main}) and the program's own arguments, so that a relaunched JVM can
 * get the same options and arguments with class-data-sharing flags added.
 */
public record JavaCommandLine(String java, List<String> jvmOptions, List<String> launch, List<String> programArgs) {

    /** Options whose value is the next argument. */
    private static final Set<String> WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--add-modules", "--add-opens", "--add-exports", "--add-reads", "--patch-module", "--upgrade-module-path",
            "--limit-modules", "--enable-native-access");

    /** Options of the JVM that choose class-data sharing or an AOT cache themselves: CloudJar then stays out of the way. */
    private static final List<String> OWN_ARCHIVE_OPTIONS = List.of("SharedArchiveFile", "ArchiveClassesAtExit",
            "AutoCreateSharedArchive", "-Xshare", "AOTCache", "AOTMode", "AOTConfiguration", "DumpLoadedClassList",
            "SharedClassListFile", "-XX:+UseAppCDS");

    /**
     * Options that attach something to the JVM the user started (a debugger, an agent, a flight
     * recording): that JVM must be the one running CloudJar, and the background JVM must not get them.
     */
    private static final List<String> ATTACHED = List.of("-agentlib", "-agentpath", "-javaagent", "-Xrunjdwp", "-Xdebug",
            "-XX:StartFlightRecording", "-XX:+FlightRecorder");

    public JavaCommandLine {
        jvmOptions = List.copyOf(jvmOptions);
        launch = List.copyOf(launch);
        programArgs = List.copyOf(programArgs);
    }

    /**
     * Splits {@code java}'s arguments as the launcher reads them; empty for forms it does not relaunch
     * (modules, {@code @argfiles}, source-file mode, a missing main class).
     */
    public static Optional<JavaCommandLine> parse(String java, List<String> args) {
        List<String> options = new ArrayList<>();
        String classPath = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-jar")) {
                return i + 1 < args.size()
                        ? Optional.of(new JavaCommandLine(java, options, List.of("-jar", args.get(i + 1)), args.subList(i + 2, args.size())))
                        : Optional.empty();
            }
            if (arg.equals("-m") || arg.equals("--module") || arg.startsWith("--module=") || arg.startsWith("@")
                    || arg.equals("--source") || arg.startsWith("--source=")) {
                return Optional.empty();
            }
            if (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path")) {
                if (i + 1 >= args.size()) {
                    return Optional.empty();
                }
                classPath = args.get(++i);
                continue;
            }
            if (arg.startsWith("--class-path=")) {
                classPath = arg.substring("--class-path=".length());
                continue;
            }
            if (!arg.startsWith("-")) {
                if (classPath == null) {
                    return Optional.empty(); // the class path from CLASSPATH: too implicit to reproduce
                }
                return Optional.of(new JavaCommandLine(java, options, List.of("-cp", classPath, arg), args.subList(i + 1, args.size())));
            }
            options.add(arg);
            if (WITH_VALUE.contains(arg) && i + 1 < args.size()) {
                options.add(args.get(++i));
            }
        }
        return Optional.empty();
    }

    /** Whether the user chose the JVM's archive flags already (or turned sharing off), or attached a debugger, agent or recording. */
    public boolean choosesOwnArchive() {
        return jvmOptions.stream().anyMatch(o -> OWN_ARCHIVE_OPTIONS.stream().anyMatch(o::contains)
                || ATTACHED.stream().anyMatch(o::startsWith));
    }

    /** The same command with {@code extra} JVM options before the user's (the user's win where they repeat one). */
    public List<String> with(List<String> extra) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(extra);
        command.addAll(jvmOptions);
        command.addAll(launch);
        command.addAll(programArgs);
        return command;
    }

    /** The user's JVM options and class path running {@code mainClass} with {@code extra} options and {@code args}. */
    public List<String> running(String classPath, String mainClass, List<String> extra, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(extra);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(args);
        return command;
    }
}
