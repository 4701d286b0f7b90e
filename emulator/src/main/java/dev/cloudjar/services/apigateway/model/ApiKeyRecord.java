package dev.cloudjar.services.apigateway.model;

import java.util.List;

/** An API key; invocations of methods with apiKeyRequired must present an enabled one (x-api-key). */
public record ApiKeyRecord(int version, String id, String value, String name, String customerId, String description,
                           boolean enabled, long createdMillis, long lastUpdatedMillis, List<String> stageKeys) {
}
