package dev.cloudjar.services.lambda.runtime.process;

import dev.cloudjar.services.lambda.code.CodeUnpacker;
import dev.cloudjar.services.lambda.code.UnpackedCode;
import dev.cloudjar.services.lambda.runtime.ExecutionEnvironment;
import dev.cloudjar.services.lambda.runtime.FunctionSpec;
import dev.cloudjar.services.lambda.runtime.InvocationLog;
import dev.cloudjar.persistence.TempFolders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Python, Node.js and custom ({@code provided}) runtimes as child processes: finds the interpreters
 * (once, caching path and version), extracts the bootstraps shipped in the jar into a folder of its own
 * and builds each environment's command and variables. A missing interpreter is reported by
 * {@link #problem} so the function shows {@code State: Failed} instead of hanging on invoke.
 */
public final class ProcessRuntimes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessRuntimes.class);
    private static final String RESOURCES = "/dev/cloudjar/services/lambda/runtime/process/";
    private static final List<String> BOOTSTRAPS = List.of("bootstrap.py", "bootstrap.mjs");

    private final Map<Language, String> commands;
    private final Supplier<String> endpoint;
    private final Clock clock;
    private final InvocationLog.LogEcho echo;
    private final Map<Language, Optional<Interpreters.Found>> found = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile Path runtimeDir;

    /** {@code python} and {@code node} are commands or paths; null means {@code python3} / {@code node} on PATH. */
    public ProcessRuntimes(String python, String node, Supplier<String> endpoint, Clock clock, InvocationLog.LogEcho echo) {
        this.commands = Map.of(Language.PYTHON, python == null || python.isBlank() ? "python3" : python,
                Language.NODE, node == null || node.isBlank() ? "node" : node);
        this.endpoint = endpoint;
        this.clock = clock;
        this.echo = echo;
    }

    /** True for the runtimes this class runs (everything but Java). */
    public static boolean handles(String runtime) {
        return Language.of(runtime) != null;
    }

    /** Why functions of this runtime cannot run here (what to install), or null when they can. */
    public String problem(String runtime) {
        Language language = Language.of(runtime);
        if (language == null || language == Language.PROVIDED) {
            return null;
        }
        if (interpreter(language).isPresent()) {
            return null;
        }
        String command = commands.get(language);
        return language == Language.PYTHON
                ? "CloudJar runs " + runtime + " functions with a local Python 3 interpreter and found none at '" + command
                        + "'. Install Python 3 (for example: apt-get install python3 python3-boto3) or point --python or "
                        + "CLOUDJAR_PYTHON at one and restart CloudJar."
                : "CloudJar runs " + runtime + " functions with a local Node.js and found none at '" + command
                        + "'. Install Node.js (for example: apt-get install nodejs) or point --node or CLOUDJAR_NODE at one, "
                        + "and restart CloudJar.";
    }

    /** A new, not yet started, environment of a process runtime. */
    public ExecutionEnvironment create(FunctionSpec spec, UnpackedCode code, String instanceId) {
        Language language = Language.of(spec.runtime());
        String logStream = ExecutionEnvironment.logStreamName(clock, spec, instanceId);
        return new ProcessEnvironment(spec, clock, echo, logStream,
                runtimeApi -> launch(language, spec, code, logStream, runtimeApi));
    }

    private ProcessBuilder launch(Language language, FunctionSpec spec, UnpackedCode code, String logStream, String runtimeApi) {
        Path dir = runtimeDir();
        List<String> command = new ArrayList<>();
        Interpreters.Found interpreter = null;
        if (language == Language.PROVIDED) {
            Path bootstrap = code.directory().resolve("bootstrap");
            if (!bootstrap.toFile().setExecutable(true)) {
                throw new IllegalStateException("Couldn't find valid bootstrap(s): [/var/task/bootstrap /opt/bootstrap]");
            }
            command.add(bootstrap.toString());
        } else {
            interpreter = interpreter(language).orElseThrow(() -> new IllegalStateException(problem(spec.runtime())));
            warnOnVersion(spec.runtime(), language, interpreter);
            command.add(interpreter.executable());
            command.add(dir.resolve(language == Language.PYTHON ? "bootstrap.py" : "bootstrap.mjs").toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(code.directory().toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(ProcessVariables.of(spec, code, logStream, runtimeApi, dir, endpoint.get(), language, interpreter));
        return builder;
    }

    private void warnOnVersion(String runtime, Language language, Interpreters.Found interpreter) {
        String wanted = language.version(runtime);
        if (wanted != null && !wanted.equals(interpreter.version()) && warned.add(runtime + "|" + interpreter.executable())) {
            LOG.warn("{} functions run with {} {} ({}), not {} {}: the function runs, but the versions differ", runtime,
                    language.displayName(), interpreter.version(), interpreter.executable(), language.displayName(), wanted);
        }
    }

    private Optional<Interpreters.Found> interpreter(Language language) {
        return found.computeIfAbsent(language, l -> Optional.ofNullable(Interpreters.probe(l, commands.get(l))));
    }

    private Path runtimeDir() {
        Path dir = runtimeDir;
        if (dir != null) {
            return dir;
        }
        synchronized (this) {
            if (runtimeDir == null) {
                runtimeDir = extractBootstraps();
            }
            return runtimeDir;
        }
    }

    private static Path extractBootstraps() {
        try {
            Path dir = TempFolders.create("runtime"); // owned by pid: a kill -9 leaves it for the next start to remove
            for (String name : BOOTSTRAPS) {
                try (InputStream in = ProcessRuntimes.class.getResourceAsStream(RESOURCES + name)) {
                    if (in == null) {
                        throw new IllegalStateException("bootstrap resource missing: " + name);
                    }
                    Files.copy(in, dir.resolve(name));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        Path dir = runtimeDir;
        if (dir != null) {
            CodeUnpacker.delete(dir);
        }
    }

    /** Languages by runtime identifier; {@code version} is what the identifier asks for ("3.12", "22"). */
    enum Language {
        PYTHON("Python"), NODE("Node.js"), PROVIDED("custom runtime");

        private final String displayName;

        Language(String displayName) {
            this.displayName = displayName;
        }

        String displayName() {
            return displayName;
        }

        static Language of(String runtime) {
            if (runtime == null) {
                return null;
            }
            if (runtime.matches("python3\\.\\d+")) {
                return PYTHON;
            }
            if (runtime.matches("nodejs\\d+\\.x")) {
                return NODE;
            }
            return runtime.equals("provided.al2023") || runtime.equals("provided.al2") ? PROVIDED : null;
        }

        String version(String runtime) {
            return switch (this) {
                case PYTHON -> runtime.substring("python".length());
                case NODE -> runtime.substring("nodejs".length(), runtime.length() - 2);
                case PROVIDED -> null;
            };
        }
    }
}
