package dev.cloudjar.services.lambda.model;

import java.util.List;
import java.util.Map;

/**
 * Configuration members of CreateFunction / UpdateFunctionConfiguration; null means "not given"
 * (create applies AWS's defaults, update keeps the current value). An empty deadLetterTarget removes it;
 * {@code layers} are layer version ARNs, an empty list removes every layer.
 */
public record FunctionSettings(String runtime, String role, String handler, String description, Integer timeout,
                               Integer memorySize, Map<String, String> variables, String deadLetterTarget,
                               List<String> architectures, Integer ephemeralStorage, String packageType,
                               List<String> layers) {

    /** Settings without layers. */
    public FunctionSettings(String runtime, String role, String handler, String description, Integer timeout,
                            Integer memorySize, Map<String, String> variables, String deadLetterTarget,
                            List<String> architectures, Integer ephemeralStorage, String packageType) {
        this(runtime, role, handler, description, timeout, memorySize, variables, deadLetterTarget, architectures,
                ephemeralStorage, packageType, null);
    }
}
