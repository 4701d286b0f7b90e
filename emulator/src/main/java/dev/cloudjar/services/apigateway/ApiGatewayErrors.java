package dev.cloudjar.services.apigateway;

import dev.cloudjar.core.AwsException;

/** API Gateway's errors with AWS's codes, statuses and messages. */
public final class ApiGatewayErrors {
    private ApiGatewayErrors() {
    }

    public static AwsException notFound(String message) {
        return new AwsException(404, "NotFoundException", message);
    }

    public static AwsException badRequest(String message) {
        return new AwsException(400, "BadRequestException", message);
    }

    public static AwsException conflict(String message) {
        return new AwsException(409, "ConflictException", message);
    }

    static AwsException restApiNotFound(String account, String id) {
        return notFound("Invalid API identifier specified " + account + ":" + id);
    }

    static AwsException resourceNotFound() {
        return notFound("Invalid Resource identifier specified");
    }

    static AwsException methodNotFound() {
        return notFound("Invalid Method identifier specified");
    }

    static AwsException stageNotFound() {
        return notFound("Invalid stage identifier specified");
    }

    static AwsException deploymentNotFound() {
        return notFound("Invalid Deployment identifier specified");
    }

    static AwsException httpApiNotFound(String id) {
        return new AwsException(404, "NotFoundException", "Invalid API identifier specified " + id).with("resourceType", "Api");
    }

    static AwsException httpNotFound(String kind, String id) {
        return new AwsException(404, "NotFoundException", "Invalid " + kind + " identifier specified " + id).with("resourceType", kind);
    }
}
