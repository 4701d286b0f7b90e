package dev.cloudjar.services.apigateway;

import dev.cloudjar.core.Scope;
import dev.cloudjar.services.apigateway.model.RestApiRecord;
import dev.cloudjar.services.apigateway.model.RestDeployment;
import dev.cloudjar.services.apigateway.model.RestResource;
import dev.cloudjar.services.apigateway.model.RestStage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Deployments (snapshots of a REST API's resource tree) and the stages that serve them. */
public final class RestStages {
    static final List<String> METHOD_SETTINGS = List.of("metrics/enabled", "logging/loglevel", "logging/dataTrace",
            "throttling/burstLimit", "throttling/rateLimit", "caching/enabled", "caching/ttlInSeconds", "caching/dataEncrypted",
            "caching/requireAuthorizationForCacheControl", "caching/unauthorizedCacheControlHeaderStrategy");
    private final ApiGatewayState state;
    private final RestApis apis;

    RestStages(ApiGatewayState state, RestApis apis) {
        this.state = state;
        this.apis = apis;
    }

    /** CreateDeployment's settings; with a stage name the stage is created or moved to the new deployment. */
    public record DeploymentInput(String description, String stageName, String stageDescription, Map<String, String> variables,
                                  boolean tracingEnabled) {
    }

    /** CreateStage's settings. */
    public record StageInput(String stageName, String deploymentId, String description, boolean cacheClusterEnabled,
                             String cacheClusterSize, boolean tracingEnabled, Map<String, String> variables, Map<String, String> tags) {
    }

    /** One patch operation of UpdateStage. */
    public record PatchOperation(String op, String path, String value) {
    }

    public RestDeployment createDeployment(Scope scope, String apiId, DeploymentInput in) {
        if (in.stageName() != null) {
            checkStageName(in.stageName());
        }
        String id = state.newId(6);
        long now = state.now();
        RestApiRecord api = apis.update(scope, apiId, current -> {
            boolean anyMethod = false;
            for (RestResource resource : current.resources().values()) {
                for (var method : resource.methods().values()) {
                    anyMethod = true;
                    if (method.integration() == null) {
                        throw ApiGatewayErrors.badRequest("No integration defined for method");
                    }
                }
            }
            if (!anyMethod) {
                throw ApiGatewayErrors.badRequest("The REST API doesn't contain any methods");
            }
            Map<String, RestDeployment> deployments = new LinkedHashMap<>(current.deployments());
            deployments.put(id, new RestDeployment(id, in.description(), now, Map.copyOf(current.resources())));
            RestApiRecord next = current.withDeployments(deployments);
            if (in.stageName() != null) {
                Map<String, RestStage> stages = new TreeMap<>(current.stages());
                RestStage old = stages.get(in.stageName());
                Map<String, String> variables = new TreeMap<>(old == null || old.variables() == null ? Map.of() : old.variables());
                if (in.variables() != null) {
                    variables.putAll(in.variables());
                }
                stages.put(in.stageName(), new RestStage(in.stageName(), id,
                        in.stageDescription() != null ? in.stageDescription() : old == null ? null : old.description(),
                        old != null && old.cacheClusterEnabled(), old == null ? null : old.cacheClusterSize(),
                        in.tracingEnabled() || old != null && old.tracingEnabled(), variables,
                        old == null ? now : old.createdMillis(), now, old == null ? Map.of() : old.methodSettings()));
                next = next.withStages(stages);
            }
            return next;
        });
        return api.deployments().get(id);
    }

    public RestDeployment deployment(Scope scope, String apiId, String deploymentId) {
        RestDeployment deployment = apis.get(scope, apiId).deployments().get(deploymentId);
        if (deployment == null) {
            throw ApiGatewayErrors.deploymentNotFound();
        }
        return deployment;
    }

    public List<RestDeployment> deployments(Scope scope, String apiId) {
        List<RestDeployment> all = new ArrayList<>(apis.get(scope, apiId).deployments().values());
        all.sort(Comparator.comparingLong(RestDeployment::createdMillis).thenComparing(RestDeployment::id));
        return all;
    }

    public void deleteDeployment(Scope scope, String apiId, String deploymentId) {
        apis.update(scope, apiId, current -> {
            if (!current.deployments().containsKey(deploymentId)) {
                throw ApiGatewayErrors.deploymentNotFound();
            }
            if (current.stages().values().stream().anyMatch(s -> deploymentId.equals(s.deploymentId()))) {
                throw ApiGatewayErrors.badRequest("Active stages pointing to this deployment must be moved or deleted");
            }
            Map<String, RestDeployment> deployments = new LinkedHashMap<>(current.deployments());
            deployments.remove(deploymentId);
            return current.withDeployments(deployments);
        });
    }

    public RestStage createStage(Scope scope, String apiId, StageInput in) {
        checkStageName(in.stageName());
        long now = state.now();
        RestApiRecord api = apis.update(scope, apiId, current -> {
            if (in.deploymentId() == null || !current.deployments().containsKey(in.deploymentId())) {
                throw ApiGatewayErrors.deploymentNotFound();
            }
            if (current.stages().containsKey(in.stageName())) {
                throw ApiGatewayErrors.conflict("Stage already exists");
            }
            Map<String, RestStage> stages = new TreeMap<>(current.stages());
            stages.put(in.stageName(), new RestStage(in.stageName(), in.deploymentId(), in.description(), in.cacheClusterEnabled(),
                    in.cacheClusterSize(), in.tracingEnabled(), in.variables() == null ? Map.of() : new TreeMap<>(in.variables()), now, now, Map.of()));
            return current.withStages(stages);
        });
        state.putTags(scope, stageArn(scope, apiId, in.stageName()), in.tags());
        return api.stages().get(in.stageName());
    }

    public RestStage stage(Scope scope, String apiId, String stageName) {
        RestStage stage = apis.get(scope, apiId).stages().get(stageName);
        if (stage == null) {
            throw ApiGatewayErrors.stageNotFound();
        }
        return stage;
    }

    public List<RestStage> stages(Scope scope, String apiId, String deploymentId) {
        return apis.get(scope, apiId).stages().values().stream()
                .filter(s -> deploymentId == null || deploymentId.equals(s.deploymentId())).toList();
    }

    public RestStage updateStage(Scope scope, String apiId, String stageName, List<PatchOperation> operations) {
        long now = state.now();
        RestApiRecord api = apis.update(scope, apiId, current -> {
            RestStage stage = current.stages().get(stageName);
            if (stage == null) {
                throw ApiGatewayErrors.stageNotFound();
            }
            for (PatchOperation op : operations) {
                stage = apply(current, stage, op);
            }
            Map<String, RestStage> stages = new TreeMap<>(current.stages());
            stages.put(stageName, new RestStage(stage.stageName(), stage.deploymentId(), stage.description(), stage.cacheClusterEnabled(),
                    stage.cacheClusterSize(), stage.tracingEnabled(), stage.variables(), stage.createdMillis(), now, stage.methodSettings()));
            return current.withStages(stages);
        });
        return api.stages().get(stageName);
    }

    private static RestStage apply(RestApiRecord api, RestStage s, PatchOperation op) {
        String path = op.path() == null ? "" : op.path();
        String verb = op.op() == null ? "" : op.op();
        if (!verb.equals("replace") && !verb.equals("add") && !verb.equals("remove")) {
            throw ApiGatewayErrors.badRequest("Invalid patch operation specified. Must be one of: [add, remove, move, test, replace, copy]");
        }
        if (path.startsWith("/variables/")) {
            String name = path.substring("/variables/".length());
            Map<String, String> variables = new TreeMap<>(s.variables() == null ? Map.of() : s.variables());
            if (verb.equals("remove")) {
                variables.remove(name);
            } else {
                if (op.value() == null || !name.matches("[A-Za-z0-9_]+")) {
                    throw ApiGatewayErrors.badRequest("Stage variable value null does not match the regular expression "
                            + "for stage variables: [A-Za-z0-9-._~:/?#&=,]+ or name " + name + " is invalid");
                }
                variables.put(name, op.value());
            }
            return new RestStage(s.stageName(), s.deploymentId(), s.description(), s.cacheClusterEnabled(), s.cacheClusterSize(),
                    s.tracingEnabled(), variables, s.createdMillis(), s.lastUpdatedMillis(), s.methodSettings());
        }
        if (path.chars().filter(c -> c == '/').count() == 4) {
            return withMethodSetting(s, path, verb.equals("remove") ? null : op.value());
        }
        boolean on = "true".equalsIgnoreCase(op.value());
        switch (path) {
            case "/description":
                return new RestStage(s.stageName(), s.deploymentId(), verb.equals("remove") ? null : op.value(), s.cacheClusterEnabled(),
                        s.cacheClusterSize(), s.tracingEnabled(), s.variables(), s.createdMillis(), s.lastUpdatedMillis(), s.methodSettings());
            case "/deploymentId":
                if (op.value() == null || !api.deployments().containsKey(op.value())) {
                    throw ApiGatewayErrors.badRequest("Deployment id does not exist");
                }
                return new RestStage(s.stageName(), op.value(), s.description(), s.cacheClusterEnabled(), s.cacheClusterSize(),
                        s.tracingEnabled(), s.variables(), s.createdMillis(), s.lastUpdatedMillis(), s.methodSettings());
            case "/tracingEnabled":
                return new RestStage(s.stageName(), s.deploymentId(), s.description(), s.cacheClusterEnabled(), s.cacheClusterSize(),
                        on, s.variables(), s.createdMillis(), s.lastUpdatedMillis(), s.methodSettings());
            case "/cacheClusterEnabled":
                return new RestStage(s.stageName(), s.deploymentId(), s.description(), on, s.cacheClusterSize(),
                        s.tracingEnabled(), s.variables(), s.createdMillis(), s.lastUpdatedMillis(), s.methodSettings());
            case "/cacheClusterSize":
                return new RestStage(s.stageName(), s.deploymentId(), s.description(), s.cacheClusterEnabled(), op.value(),
                        s.tracingEnabled(), s.variables(), s.createdMillis(), s.lastUpdatedMillis(), s.methodSettings());
            default:
                throw ApiGatewayErrors.badRequest("Invalid patch path " + path);
        }
    }

    /** {@code /<resource path>/<method>/<group>/<setting>}, e.g. {@code /*}{@code /*}{@code /metrics/enabled}. */
    private static RestStage withMethodSetting(RestStage s, String path, String value) {
        String[] parts = path.substring(1).split("/");
        String setting = parts[2] + "/" + parts[3];
        if (!METHOD_SETTINGS.contains(setting)) {
            throw ApiGatewayErrors.badRequest("Invalid method setting path: " + path
                    + ". Must be one of: " + String.join(", ", METHOD_SETTINGS));
        }
        Map<String, Map<String, String>> all = new TreeMap<>(s.methodSettings() == null ? Map.of() : s.methodSettings());
        Map<String, String> one = new TreeMap<>(all.getOrDefault(parts[0] + "/" + parts[1], Map.of()));
        if (value == null) {
            one.remove(setting);
        } else {
            one.put(setting, value);
        }
        all.put(parts[0] + "/" + parts[1], one);
        return new RestStage(s.stageName(), s.deploymentId(), s.description(), s.cacheClusterEnabled(), s.cacheClusterSize(),
                s.tracingEnabled(), s.variables(), s.createdMillis(), s.lastUpdatedMillis(), all);
    }

    public void deleteStage(Scope scope, String apiId, String stageName) {
        apis.update(scope, apiId, current -> {
            if (!current.stages().containsKey(stageName)) {
                throw ApiGatewayErrors.stageNotFound();
            }
            Map<String, RestStage> stages = new TreeMap<>(current.stages());
            stages.remove(stageName);
            return current.withStages(stages);
        });
        state.putTags(scope, stageArn(scope, apiId, stageName), null);
    }

    public static String stageArn(Scope scope, String apiId, String stageName) {
        return RestApis.arn(scope, apiId) + "/stages/" + stageName;
    }

    private static void checkStageName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_\\-]{1,128}")) {
            throw ApiGatewayErrors.badRequest("Stage name only allows a-zA-Z0-9_");
        }
    }
}
