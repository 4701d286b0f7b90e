package dev.cloudjar.services.apigateway.model;

import java.util.List;
import java.util.Map;

/** What a method calls: AWS_PROXY / AWS (a Lambda function), MOCK, HTTP_PROXY / HTTP, with its integration responses. */
public record RestIntegration(String type, String httpMethod, String uri, String connectionType, String credentials,
                              Map<String, String> requestParameters, Map<String, String> requestTemplates,
                              String passthroughBehavior, String contentHandling, int timeoutInMillis, String cacheNamespace,
                              List<String> cacheKeyParameters, Map<String, IntegrationResponse> integrationResponses) {
    public RestIntegration withIntegrationResponses(Map<String, IntegrationResponse> value) {
        return new RestIntegration(type, httpMethod, uri, connectionType, credentials, requestParameters, requestTemplates,
                passthroughBehavior, contentHandling, timeoutInMillis, cacheNamespace, cacheKeyParameters, value);
    }
}
