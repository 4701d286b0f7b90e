package dev.cloudjar.services.apigateway.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.apigateway.model.IntegrationResponse;
import dev.cloudjar.services.apigateway.model.RestIntegration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Non-proxy integrations (MOCK, and AWS to Lambda): the integration response is chosen by its
 * selection pattern (or is the default one), its status and static header values apply, and its
 * template text is the body as written (CloudJar evaluates no VTL).
 */
final class MockResponses {
    private MockResponses() {
    }

    /** MOCK: the request template's {@code statusCode} selects the integration response. */
    static AwsResponse mock(RestIntegration integration, String contentType, byte[] body) {
        Map<String, String> templates = integration.requestTemplates();
        String template = null;
        if (templates != null) {
            String media = contentType == null ? "application/json" : contentType.split(";", 2)[0].trim();
            template = templates.containsKey(media) ? templates.get(media) : templates.get("application/json");
        }
        String status = "200";
        if (template != null && !template.isBlank()) {
            try {
                JsonNode node = JsonProtocol.MAPPER.readTree(template);
                if (node != null && node.has("statusCode")) {
                    status = node.get("statusCode").asText();
                }
            } catch (IOException e) {
                return ProxyResponses.restError().statusCode(500);
            }
        }
        return select(integration, status, AwsResponse.ok().body(new byte[0], "application/json"));
    }

    /** Picks the integration response whose selection pattern matches {@code selector}, else the default one. */
    static AwsResponse select(RestIntegration integration, String selector, AwsResponse passthrough) {
        Map<String, IntegrationResponse> responses = integration.integrationResponses();
        IntegrationResponse chosen = null;
        IntegrationResponse fallback = null;
        if (responses != null) {
            for (IntegrationResponse candidate : responses.values()) {
                String pattern = candidate.selectionPattern();
                if (pattern == null || pattern.isEmpty()) {
                    fallback = fallback == null ? candidate : fallback;
                } else if (matches(pattern, selector)) {
                    chosen = candidate;
                    break;
                }
            }
        }
        chosen = chosen != null ? chosen : fallback;
        if (chosen == null) {
            return AwsResponse.status(500).body("{\"message\": \"Internal server error\"}", "application/json");
        }
        AwsResponse response = AwsResponse.status(Integer.parseInt(chosen.statusCode()));
        String type = "application/json";
        if (chosen.responseParameters() != null) {
            for (Map.Entry<String, String> p : chosen.responseParameters().entrySet()) {
                String value = p.getValue();
                if (p.getKey().startsWith("method.response.header.") && value != null && value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                    String name = p.getKey().substring("method.response.header.".length());
                    if (name.equalsIgnoreCase("Content-Type")) {
                        type = value.substring(1, value.length() - 1);
                    } else {
                        response.header(name, value.substring(1, value.length() - 1));
                    }
                }
            }
        }
        String template = chosen.responseTemplates() == null ? null : chosen.responseTemplates().get("application/json");
        if (template != null && !template.isEmpty()) {
            return response.body(template.getBytes(StandardCharsets.UTF_8), type);
        }
        return response.body(passthrough.bytes() == null ? new byte[0] : passthrough.bytes(), type);
    }

    static String errorMessage(byte[] payload) {
        try {
            JsonNode node = JsonProtocol.MAPPER.readTree(payload);
            return node != null && node.has("errorMessage") ? node.get("errorMessage").asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean matches(String pattern, String selector) {
        try {
            return Pattern.compile(pattern, Pattern.DOTALL).matcher(selector).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
