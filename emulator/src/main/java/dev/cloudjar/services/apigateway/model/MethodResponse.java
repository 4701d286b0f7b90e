package dev.cloudjar.services.apigateway.model;

import java.util.Map;

/** A method response: a status code the method may answer, with its declared headers and models. */
public record MethodResponse(String statusCode, Map<String, Boolean> responseParameters, Map<String, String> responseModels) {
}
