package dev.cloudjar.services.apigateway.model;

import java.util.Map;

/** A method of a resource, its method responses by status code and its integration (null until PutIntegration). */
public record RestMethod(String httpMethod, String authorizationType, String authorizerId, boolean apiKeyRequired,
                         String operationName, Map<String, Boolean> requestParameters, Map<String, String> requestModels,
                         Map<String, MethodResponse> methodResponses, RestIntegration integration) {
    public RestMethod withIntegration(RestIntegration value) {
        return new RestMethod(httpMethod, authorizationType, authorizerId, apiKeyRequired, operationName, requestParameters,
                requestModels, methodResponses, value);
    }

    public RestMethod withMethodResponses(Map<String, MethodResponse> value) {
        return new RestMethod(httpMethod, authorizationType, authorizerId, apiKeyRequired, operationName, requestParameters,
                requestModels, value, integration);
    }
}
