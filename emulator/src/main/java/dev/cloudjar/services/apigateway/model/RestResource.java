package dev.cloudjar.services.apigateway.model;

import java.util.Map;

/** One resource of a REST API: its path part under its parent, its full path and its methods by HTTP verb. */
public record RestResource(String id, String parentId, String pathPart, String path, Map<String, RestMethod> methods) {
    public RestResource withMethods(Map<String, RestMethod> value) {
        return new RestResource(id, parentId, pathPart, path, value);
    }
}
