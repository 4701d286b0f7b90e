package dev.cloudjar.services.lambda;

import dev.cloudjar.services.lambda.model.FunctionSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The checks AWS makes on function configuration, with its messages. */
final class FunctionValidation {
    static final List<String> IN_PROCESS_RUNTIMES = List.of("java11", "java17", "java21", "java25");
    static final List<String> PROCESS_RUNTIMES = List.of("python3.9", "python3.10", "python3.11", "python3.12",
            "python3.13", "python3.14", "nodejs18.x", "nodejs20.x", "nodejs22.x", "nodejs24.x", "provided.al2023",
            "provided.al2");
    private static final Set<String> MODEL_RUNTIMES = Set.of("nodejs", "nodejs4.3", "nodejs6.10", "nodejs8.10",
            "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "java8", "java8.al2", "java11", "python2.7",
            "python3.6", "python3.7", "python3.8", "python3.9", "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1",
            "dotnetcore3.1", "dotnet6", "dotnet8", "nodejs4.3-edge", "go1.x", "ruby2.5", "ruby2.7", "provided",
            "provided.al2", "nodejs18.x", "python3.10", "java17", "ruby3.2", "ruby3.3", "ruby3.4", "python3.11",
            "nodejs20.x", "provided.al2023", "python3.12", "java21", "python3.13", "nodejs22.x", "nodejs24.x",
            "python3.14", "java25", "dotnet10", "ruby4.0");
    private static final Pattern ROLE = Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    private static final Set<String> RESERVED_VARIABLES = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    private FunctionValidation() {
    }

    /** Checks members that were given; {@code creating} also requires Runtime and Handler and Role. */
    static void check(FunctionSettings s, boolean creating) {
        if (creating && (s.role() == null || s.role().isEmpty())) {
            throw LambdaErrors.validation("null", "role", "Member must not be null");
        }
        if (s.role() != null && !ROLE.matcher(s.role()).matches()) {
            throw LambdaErrors.validation(s.role(), "role", "Member must satisfy regular expression pattern: "
                    + "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
        }
        if (s.packageType() != null && !"Zip".equals(s.packageType())) {
            throw LambdaErrors.invalid("CloudJar runs .zip deployment packages only; PackageType " + s.packageType()
                    + " is not supported.");
        }
        if (creating && (s.runtime() == null || s.handler() == null)) {
            throw LambdaErrors.invalid("Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
        if (s.runtime() != null) {
            checkRuntime(s.runtime());
        }
        if (s.handler() != null && (s.handler().isEmpty() || s.handler().length() > 128 || s.handler().matches(".*\\s.*"))) {
            throw LambdaErrors.validation(s.handler(), "handler", "Member must satisfy regular expression pattern: [^\\s]+");
        }
        if (s.timeout() != null && s.timeout() < 1) {
            throw LambdaErrors.validation(s.timeout().toString(), "timeout", "Member must have value greater than or equal to 1");
        }
        if (s.timeout() != null && s.timeout() > 900) {
            throw LambdaErrors.validation(s.timeout().toString(), "timeout", "Member must have value less than or equal to 900");
        }
        if (s.memorySize() != null && s.memorySize() < 128) {
            throw LambdaErrors.validation(s.memorySize().toString(), "memorySize", "Member must have value greater than or equal to 128");
        }
        if (s.memorySize() != null && s.memorySize() > 10240) {
            throw LambdaErrors.invalid("'MemorySize' value failed to satisfy constraint: Member must have value less than or equal to 10240");
        }
        if (s.variables() != null) {
            checkVariables(s.variables());
        }
    }

    /** A runtime botocore's Runtime enum lists (CompatibleRuntimes take any of them, not only CloudJar's). */
    static boolean isModelRuntime(String runtime) {
        return MODEL_RUNTIMES.contains(runtime);
    }

    static String modelRuntimes() {
        return new TreeSet<>(MODEL_RUNTIMES).toString();
    }

    static void checkRuntime(String runtime) {
        if (!MODEL_RUNTIMES.contains(runtime)) {
            throw LambdaErrors.validation(runtime, "runtime", "Member must satisfy enum value set: " + modelRuntimes());
        }
        if (!IN_PROCESS_RUNTIMES.contains(runtime) && !PROCESS_RUNTIMES.contains(runtime)) {
            throw LambdaErrors.invalid("The runtime parameter of " + runtime + " is not supported by CloudJar. Supported "
                    + "runtimes: " + String.join(", ", IN_PROCESS_RUNTIMES) + ", " + String.join(", ", PROCESS_RUNTIMES) + ".");
        }
    }

    private static void checkVariables(Map<String, String> variables) {
        Set<String> reserved = new TreeSet<>();
        for (String key : variables.keySet()) {
            if (RESERVED_VARIABLES.contains(key)) {
                reserved.add(key);
            }
        }
        if (!reserved.isEmpty()) {
            throw LambdaErrors.invalid("Lambda was unable to configure your environment variables because the environment "
                    + "variables you have provided contains reserved keys that are currently not supported for modification. "
                    + "Reserved keys used in this request: " + String.join(", ", reserved));
        }
        int size = 0;
        for (Map.Entry<String, String> e : variables.entrySet()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + (e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length);
        }
        if (size > 4096) {
            throw LambdaErrors.invalid("Lambda was unable to configure your environment variables because the environment "
                    + "variables you have provided exceeded the 4KB limit. String measured: " + variables);
        }
    }

}
