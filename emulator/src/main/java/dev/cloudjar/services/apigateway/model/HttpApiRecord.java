package dev.cloudjar.services.apigateway.model;

import java.util.List;
import java.util.Map;

/** An HTTP API (v2) as stored, with its routes, integrations, stages and deployments by id. */
public record HttpApiRecord(int version, String apiId, String name, String protocolType, String description,
                            String routeSelectionExpression, String apiKeySelectionExpression, String apiVersion,
                            long createdMillis, boolean disableExecuteApiEndpoint, CorsConfig cors,
                            Map<String, HttpRoute> routes, Map<String, HttpIntegration> integrations,
                            Map<String, HttpStage> stages, Map<String, HttpDeployment> deployments) {
    public HttpApiRecord with(Map<String, HttpRoute> newRoutes, Map<String, HttpIntegration> newIntegrations,
                              Map<String, HttpStage> newStages, Map<String, HttpDeployment> newDeployments) {
        return new HttpApiRecord(version, apiId, name, protocolType, description, routeSelectionExpression,
                apiKeySelectionExpression, apiVersion, createdMillis, disableExecuteApiEndpoint, cors, newRoutes,
                newIntegrations, newStages, newDeployments);
    }

    public HttpApiRecord withSettings(String newName, String newDescription, String newRouteSelection, String newApiKeySelection,
                                      String newVersion, boolean newDisable, CorsConfig newCors) {
        return new HttpApiRecord(version, apiId, newName, protocolType, newDescription, newRouteSelection, newApiKeySelection,
                newVersion, createdMillis, newDisable, newCors, routes, integrations, stages, deployments);
    }

    /** CORS settings, stored and returned (not applied to invocations). */
    public record CorsConfig(Boolean allowCredentials, List<String> allowHeaders, List<String> allowMethods,
                             List<String> allowOrigins, List<String> exposeHeaders, Integer maxAge) {
    }
}
