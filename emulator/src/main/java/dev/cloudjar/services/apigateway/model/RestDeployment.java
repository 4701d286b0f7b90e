package dev.cloudjar.services.apigateway.model;

import java.util.Map;

/** A deployment: the resource tree as it was when deployed, which its stages serve. */
public record RestDeployment(String id, String description, long createdMillis, Map<String, RestResource> resources) {
}
