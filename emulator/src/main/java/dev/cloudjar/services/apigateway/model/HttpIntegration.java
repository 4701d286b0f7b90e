package dev.cloudjar.services.apigateway.model;

/** An HTTP API integration: AWS_PROXY to a Lambda function (payload 1.0 or 2.0) or HTTP_PROXY to a URL. */
public record HttpIntegration(String integrationId, String integrationType, String integrationUri, String integrationMethod,
                              String payloadFormatVersion, int timeoutInMillis, String connectionType, String description,
                              boolean apiGatewayManaged) {
}
