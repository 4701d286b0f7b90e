package dev.cloudjar.services.apigateway.model;

import java.util.Map;

/**
 * A stage of a REST API: a name, the deployment it serves, its stage variables and its method
 * settings (by {@code <resource path>/<method>}, e.g. {@code *}{@code /*}, each a map of the settings
 * UpdateStage set, such as {@code metrics/enabled}; stored, not applied).
 */
public record RestStage(String stageName, String deploymentId, String description, boolean cacheClusterEnabled,
                        String cacheClusterSize, boolean tracingEnabled, Map<String, String> variables,
                        long createdMillis, long lastUpdatedMillis, Map<String, Map<String, String>> methodSettings) {
}
