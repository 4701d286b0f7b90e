package dev.cloudjar.services.apigateway.model;

import java.util.Map;

/** A stage of a REST API: a name, the deployment it serves and its stage variables. */
public record RestStage(String stageName, String deploymentId, String description, boolean cacheClusterEnabled,
                        String cacheClusterSize, boolean tracingEnabled, Map<String, String> variables,
                        long createdMillis, long lastUpdatedMillis) {
}
