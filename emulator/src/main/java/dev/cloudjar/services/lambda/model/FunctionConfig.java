package dev.cloudjar.services.lambda.model;

import java.util.List;
import java.util.Map;

/**
 * The configuration of one function version ($LATEST or a published number): what
 * GetFunctionConfiguration shows and what the runtime needs. Published versions keep a frozen copy.
 */
public record FunctionConfig(
        String functionName,
        String version,
        String runtime,
        String role,
        String handler,
        String description,
        int timeout,
        int memorySize,
        Map<String, String> variables,
        String deadLetterTarget,
        String codeBlobId,
        String codeSha256,
        long codeSize,
        String lastModified,
        String revisionId,
        List<String> architectures,
        int ephemeralStorage,
        List<FunctionLayer> layers) {

    public FunctionConfig {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        architectures = architectures == null || architectures.isEmpty() ? List.of("x86_64") : List.copyOf(architectures);
        if (ephemeralStorage == 0) {
            ephemeralStorage = 512;
        }
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    public FunctionConfig asVersion(String number, String modified, String revision, String newDescription) {
        return new FunctionConfig(functionName, number, runtime, role, handler, newDescription, timeout, memorySize,
                variables, deadLetterTarget, codeBlobId, codeSha256, codeSize, modified, revision, architectures,
                ephemeralStorage, layers);
    }
}
