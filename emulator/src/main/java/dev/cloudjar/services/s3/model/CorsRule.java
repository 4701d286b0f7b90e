package dev.cloudjar.services.s3.model;

import java.util.List;

/** One CORSRule of a bucket's CORS configuration; {@code maxAgeSeconds} may be null. */
public record CorsRule(
        String id,
        List<String> allowedMethods,
        List<String> allowedOrigins,
        List<String> allowedHeaders,
        List<String> exposeHeaders,
        Integer maxAgeSeconds) {

    public CorsRule {
        allowedMethods = allowedMethods == null ? List.of() : List.copyOf(allowedMethods);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        allowedHeaders = allowedHeaders == null ? List.of() : List.copyOf(allowedHeaders);
        exposeHeaders = exposeHeaders == null ? List.of() : List.copyOf(exposeHeaders);
    }
}
