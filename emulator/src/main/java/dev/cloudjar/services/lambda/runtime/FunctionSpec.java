package dev.cloudjar.services.lambda.runtime;

import dev.cloudjar.services.lambda.code.UnpackedCode;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything the runtime needs to run one function version: identity, handler, limits, variables and
 * where its unpacked code comes from. {@code revision} changes whenever code or configuration change,
 * so warm environments of an older revision are never reused.
 */
public record FunctionSpec(
        String functionName,
        String functionArn,
        String version,
        String revision,
        String handler,
        String runtime,
        int memorySize,
        int timeoutSeconds,
        Integer reservedConcurrency,
        Map<String, String> variables,
        String account,
        String region,
        Supplier<UnpackedCode> code) {

    /** Pools are kept per function version and revision. */
    public String poolKey() {
        return functionArn + ":" + version + "#" + revision;
    }

    public String logGroupName() {
        return "/aws/lambda/" + functionName;
    }
}
