package dev.cloudjar.services.lambda.runtime.process;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.services.lambda.runtime.FunctionErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON the Runtime API exchanges beyond payloads: error bodies as a client sees them, the client context header. */
final class RuntimeErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuntimeErrors() {
    }

    /**
     * An error body as the invoker receives it: the runtime's JSON object when it sent one (AWS passes
     * it through), else its text as errorMessage with the header's type.
     */
    static byte[] shaped(String errorType, byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                return body;
            }
        } catch (IOException notJson) {
            // wrapped below
        }
        String type = errorType == null || errorType.isBlank() ? "Unhandled" : errorType;
        return FunctionErrors.simple(type, new String(body, StandardCharsets.UTF_8));
    }

    /** The Lambda-Runtime-Client-Context value: the client context as JSON, or null. */
    static String clientContext(ClientContext context) {
        if (context == null) {
            return null;
        }
        ObjectNode root = JSON.createObjectNode();
        if (context.getClient() != null) {
            ObjectNode client = root.putObject("client");
            client.put("installation_id", context.getClient().getInstallationId());
            client.put("app_title", context.getClient().getAppTitle());
            client.put("app_version_name", context.getClient().getAppVersionName());
            client.put("app_version_code", context.getClient().getAppVersionCode());
            client.put("app_package_name", context.getClient().getAppPackageName());
        }
        ObjectNode custom = root.putObject("custom");
        if (context.getCustom() != null) {
            context.getCustom().forEach(custom::put);
        }
        ObjectNode env = root.putObject("env");
        if (context.getEnvironment() != null) {
            context.getEnvironment().forEach(env::put);
        }
        return root.toString();
    }
}
