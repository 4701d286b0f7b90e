package dev.cloudjar.services.apigateway.model;

import java.util.List;
import java.util.Map;

/**
 * A REST API (v1) as stored, with everything it owns: its resource tree (by resource id, each with
 * its methods and integrations), its deployments (each a snapshot of the tree) and its stages.
 */
public record RestApiRecord(int version, String id, String name, String description, long createdMillis, String apiVersion,
                            List<String> binaryMediaTypes, String apiKeySource, List<String> endpointTypes, String policy,
                            boolean disableExecuteApiEndpoint, String rootResourceId, Map<String, RestResource> resources,
                            Map<String, RestDeployment> deployments, Map<String, RestStage> stages) {
    public RestApiRecord withSettings(String newName, String newDescription, List<String> newBinaryMediaTypes, String newApiKeySource,
                                      List<String> newEndpointTypes, String newPolicy, boolean newDisable) {
        return new RestApiRecord(version, id, newName, newDescription, createdMillis, apiVersion, newBinaryMediaTypes, newApiKeySource,
                newEndpointTypes, newPolicy, newDisable, rootResourceId, resources, deployments, stages);
    }

    public RestApiRecord withResources(Map<String, RestResource> value) {
        return new RestApiRecord(version, id, name, description, createdMillis, apiVersion, binaryMediaTypes, apiKeySource,
                endpointTypes, policy, disableExecuteApiEndpoint, rootResourceId, value, deployments, stages);
    }

    public RestApiRecord withDeployments(Map<String, RestDeployment> value) {
        return new RestApiRecord(version, id, name, description, createdMillis, apiVersion, binaryMediaTypes, apiKeySource,
                endpointTypes, policy, disableExecuteApiEndpoint, rootResourceId, resources, value, stages);
    }

    public RestApiRecord withStages(Map<String, RestStage> value) {
        return new RestApiRecord(version, id, name, description, createdMillis, apiVersion, binaryMediaTypes, apiKeySource,
                endpointTypes, policy, disableExecuteApiEndpoint, rootResourceId, resources, deployments, value);
    }
}
