package dev.cloudjar.services.lambda.runtime.process;

import dev.cloudjar.services.lambda.code.UnpackedCode;
import dev.cloudjar.services.lambda.runtime.FunctionSpec;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment of a function's process: what AWS sets in a Lambda sandbox, the function's own
 * variables, and from CloudJar's own environment only PATH, HOME and LANG (never its credentials or
 * settings). Layers are searched as AWS lays them out under /opt, a later layer first.
 */
final class ProcessVariables {
    private ProcessVariables() {
    }

    static Map<String, String> of(FunctionSpec spec, UnpackedCode code, String logStream, String runtimeApi, Path runtimeDir,
                                  String endpoint, ProcessRuntimes.Language language, Interpreters.Found interpreter) {
        Map<String, String> env = new HashMap<>(spec.variables());
        inherit(env, "PATH", "/usr/local/bin:/usr/bin:/bin");
        inherit(env, "HOME", "/tmp");
        inherit(env, "LANG", "C.UTF-8");
        String task = code.directory().toString();
        env.put("AWS_LAMBDA_FUNCTION_NAME", spec.functionName());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", spec.version());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memorySize()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", spec.logGroupName());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStream);
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + spec.runtime());
        env.put("AWS_REGION", spec.region());
        env.put("AWS_DEFAULT_REGION", spec.region());
        env.put("_HANDLER", spec.handler());
        env.put("LAMBDA_TASK_ROOT", task);
        env.put("LAMBDA_RUNTIME_DIR", runtimeDir.toString());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("TZ", ":UTC");
        env.put("AWS_ACCESS_KEY_ID", spec.account());
        env.put("AWS_SECRET_ACCESS_KEY", "cloudjar");
        env.put("AWS_SESSION_TOKEN", "cloudjar");
        if (endpoint != null) {
            env.put("AWS_ENDPOINT_URL", endpoint);
        }
        if (language == ProcessRuntimes.Language.PYTHON) {
            env.put("PYTHONUNBUFFERED", "1");
            env.put("PYTHONPATH", join(pythonPath(task, code.layerRoots(), language.version(spec.runtime()), interpreter)));
        } else if (language == ProcessRuntimes.Language.NODE) {
            env.put("NODE_PATH", join(nodePath(task, code.layerRoots(), interpreter)));
        }
        return env;
    }

    private static void inherit(Map<String, String> env, String name, String fallback) {
        String value = System.getenv(name);
        env.put(name, value == null || value.isEmpty() ? fallback : value);
    }

    private static List<String> pythonPath(String task, List<Path> layers, String runtimeVersion, Interpreters.Found interpreter) {
        List<String> path = new ArrayList<>();
        path.add(task);
        for (int i = layers.size() - 1; i >= 0; i--) {
            Path python = layers.get(i).resolve("python");
            for (String version : versions(runtimeVersion, interpreter)) {
                addIfDirectory(path, python.resolve("lib").resolve("python" + version).resolve("site-packages"));
            }
            addIfDirectory(path, python);
        }
        return path;
    }

    private static List<String> nodePath(String task, List<Path> layers, Interpreters.Found interpreter) {
        List<String> path = new ArrayList<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Path nodejs = layers.get(i).resolve("nodejs");
            if (interpreter != null) {
                addIfDirectory(path, nodejs.resolve("node" + interpreter.version()).resolve("node_modules"));
            }
            addIfDirectory(path, nodejs.resolve("node_modules"));
        }
        path.add(task);
        return path;
    }

    private static List<String> versions(String runtimeVersion, Interpreters.Found interpreter) {
        if (interpreter == null || interpreter.version().equals(runtimeVersion)) {
            return List.of(runtimeVersion);
        }
        return List.of(runtimeVersion, interpreter.version());
    }

    private static void addIfDirectory(List<String> path, Path dir) {
        if (Files.isDirectory(dir)) {
            path.add(dir.toString());
        }
    }

    private static String join(List<String> parts) {
        return String.join(File.pathSeparator, parts);
    }
}
