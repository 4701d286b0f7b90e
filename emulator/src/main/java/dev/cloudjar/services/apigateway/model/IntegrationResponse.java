package dev.cloudjar.services.apigateway.model;

import java.util.Map;

/** How an integration's answer maps to a method response: chosen by selection pattern, shaped by templates. */
public record IntegrationResponse(String statusCode, String selectionPattern, Map<String, String> responseParameters,
                                  Map<String, String> responseTemplates, String contentHandling) {
}
