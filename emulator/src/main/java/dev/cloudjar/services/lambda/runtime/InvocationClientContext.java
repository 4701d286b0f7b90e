package dev.cloudjar.services.lambda.runtime;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code X-Amz-Client-Context} header (base64 JSON {@code {"client":{...},"custom":{...},"env":{...}}})
 * as the {@link ClientContext} a handler sees.
 */
public record InvocationClientContext(Client getClient, Map<String, String> getCustom, Map<String, String> getEnvironment)
        implements ClientContext {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The client part: installation and app identity. */
    public record AppClient(String getInstallationId, String getAppTitle, String getAppVersionName,
                            String getAppVersionCode, String getAppPackageName) implements Client {
    }

    /** Decodes the header; null when absent; IllegalArgumentException when it is not base64 JSON. */
    public static InvocationClientContext parse(String header) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(Base64.getDecoder().decode(header));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Client context must be a valid Base64-encoded JSON object.", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Client context must be a valid Base64-encoded JSON object.");
        }
        JsonNode c = root.path("client");
        AppClient client = c.isObject() ? new AppClient(text(c, "installation_id"), text(c, "app_title"),
                text(c, "app_version_name"), text(c, "app_version_code"), text(c, "app_package_name")) : null;
        return new InvocationClientContext(client, strings(root.get("custom")), strings(root.get("env")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }
}
