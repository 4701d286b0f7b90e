package dev.cloudjar.services.apigateway.model;

import java.util.Map;

/** An HTTP API stage; with autoDeploy every change to the API deploys to it at once. */
public record HttpStage(String stageName, String deploymentId, boolean autoDeploy, String description,
                        Map<String, String> stageVariables, long createdMillis, long lastUpdatedMillis,
                        boolean apiGatewayManaged, String lastDeploymentStatusMessage) {
    public HttpStage withDeployment(String id, long now, String message) {
        return new HttpStage(stageName, id, autoDeploy, description, stageVariables, createdMillis, now, apiGatewayManaged, message);
    }
}
