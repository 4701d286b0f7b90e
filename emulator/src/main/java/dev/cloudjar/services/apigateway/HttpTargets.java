package dev.cloudjar.services.apigateway;

import java.net.URI;
import java.util.Locale;

/** HTTP integrations may only forward to this machine: CloudJar sends no traffic elsewhere. */
public final class HttpTargets {
    private HttpTargets() {
    }

    public static void checkLoopback(String uri) {
        String host;
        try {
            URI parsed = URI.create(uri.replaceAll("\\{[^}]*}", "x"));
            if (parsed.getScheme() == null || !parsed.getScheme().matches("(?i)https?")) {
                throw ApiGatewayErrors.badRequest("Invalid HTTP endpoint specified for URI");
            }
            host = parsed.getHost();
        } catch (IllegalArgumentException e) {
            throw ApiGatewayErrors.badRequest("Invalid HTTP endpoint specified for URI");
        }
        if (host == null || !isLoopback(host.toLowerCase(Locale.ROOT))) {
            throw ApiGatewayErrors.badRequest("Invalid HTTP endpoint specified for URI: CloudJar forwards HTTP integrations "
                    + "only to loopback addresses (127.0.0.1, localhost, [::1])");
        }
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.matches("127(\\.\\d{1,3}){3}")
                || host.equals("[::1]") || host.equals("::1");
    }
}
