package dev.cloudjar.services.apigateway.model;

/** A route: a route key ({@code GET /items/{id}}, {@code ANY /{proxy+}}, {@code $default}) and its target. */
public record HttpRoute(String routeId, String routeKey, String target, String authorizationType, boolean apiKeyRequired,
                        String operationName, boolean apiGatewayManaged) {
    /** The integration id of a target {@code integrations/<id>}, or null. */
    public String integrationId() {
        return target != null && target.startsWith("integrations/") ? target.substring("integrations/".length()) : null;
    }
}
