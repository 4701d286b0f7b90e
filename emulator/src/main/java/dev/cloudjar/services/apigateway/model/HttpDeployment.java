package dev.cloudjar.services.apigateway.model;

import java.util.Map;

/** A deployment of an HTTP API: its routes and integrations as they were. */
public record HttpDeployment(String deploymentId, String description, long createdMillis, boolean autoDeployed,
                             Map<String, HttpRoute> routes, Map<String, HttpIntegration> integrations) {
}
