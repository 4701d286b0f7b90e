package dev.cloudjar.services.apigateway;

import dev.cloudjar.core.Scope;
import dev.cloudjar.services.apigateway.model.ApiKeyRecord;
import dev.cloudjar.services.apigateway.model.ApiStageRef;
import dev.cloudjar.services.apigateway.model.UsagePlanRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * API keys, usage plans and the keys of a plan; a key admits calls to a plan's stages, whose
 * throttles and quotas are stored, not applied.
 */
public final class ApiKeys {
    private final ApiGatewayState state;

    ApiKeys(ApiGatewayState state) {
        this.state = state;
    }

    /** CreateUsagePlan's settings. */
    public record UsagePlanInput(String name, String description, List<ApiStageRef> apiStages, Double rateLimit, Integer burstLimit,
                                 Integer quotaLimit, Integer quotaOffset, String quotaPeriod, Map<String, String> tags) {
    }

    public ApiKeyRecord create(Scope scope, String name, String description, boolean enabled, String value, String customerId,
                               List<String> stageKeys, Map<String, String> tags) {
        if (value != null && value.length() < 20) {
            throw ApiGatewayErrors.badRequest("API Key value should be at least 20 characters");
        }
        String id = state.newId(10);
        long now = state.now();
        ApiKeyRecord key = new ApiKeyRecord(1, id, value != null ? value : state.ctx.ids().secret(40).replaceAll("[+/]", "x"),
                name, customerId, description, enabled, now, now, stageKeys == null ? List.of() : stageKeys);
        state.apiKeys.put(ApiGatewayState.key(scope, id), key);
        state.putTags(scope, keyArn(scope, id), tags);
        return key;
    }

    public ApiKeyRecord get(Scope scope, String id) {
        ApiKeyRecord key = state.apiKeys.get(ApiGatewayState.key(scope, id));
        if (key == null) {
            throw ApiGatewayErrors.notFound("Invalid API Key identifier specified");
        }
        return key;
    }

    public List<ApiKeyRecord> list(Scope scope, String nameQuery, String customerId) {
        List<ApiKeyRecord> all = new ArrayList<>();
        for (ApiKeyRecord key : ApiGatewayState.all(state.apiKeys, scope)) {
            if ((nameQuery == null || key.name() != null && key.name().startsWith(nameQuery))
                    && (customerId == null || customerId.equals(key.customerId()))) {
                all.add(key);
            }
        }
        all.sort(Comparator.comparingLong(ApiKeyRecord::createdMillis).thenComparing(ApiKeyRecord::id));
        return all;
    }

    public void delete(Scope scope, String id) {
        get(scope, id);
        state.apiKeys.remove(ApiGatewayState.key(scope, id));
        state.putTags(scope, keyArn(scope, id), null);
        for (UsagePlanRecord plan : ApiGatewayState.all(state.usagePlans, scope)) {
            if (plan.keyIds().contains(id)) {
                List<String> ids = new ArrayList<>(plan.keyIds());
                ids.remove(id);
                state.usagePlans.put(ApiGatewayState.key(scope, plan.id()), plan.withKeyIds(ids));
            }
        }
    }

    public UsagePlanRecord createPlan(Scope scope, UsagePlanInput in) {
        if (in.name() == null || in.name().isBlank()) {
            throw ApiGatewayErrors.badRequest("Usage Plan name must be non-empty");
        }
        if (in.quotaPeriod() != null && !List.of("DAY", "WEEK", "MONTH").contains(in.quotaPeriod())) {
            throw ApiGatewayErrors.badRequest("Invalid quota period specified: " + in.quotaPeriod());
        }
        List<ApiStageRef> stages = in.apiStages() == null ? List.of() : in.apiStages();
        for (ApiStageRef ref : stages) {
            var api = state.rest(scope, ref.apiId());
            if (api == null || !api.stages().containsKey(ref.stage())) {
                throw ApiGatewayErrors.badRequest("Invalid stage identifier specified");
            }
        }
        String id = state.newId(6);
        UsagePlanRecord plan = new UsagePlanRecord(1, id, in.name(), in.description(), stages, in.rateLimit(), in.burstLimit(),
                in.quotaLimit(), in.quotaOffset(), in.quotaPeriod(), List.of());
        state.usagePlans.put(ApiGatewayState.key(scope, id), plan);
        state.putTags(scope, planArn(scope, id), in.tags());
        return plan;
    }

    public UsagePlanRecord plan(Scope scope, String id) {
        UsagePlanRecord plan = state.usagePlans.get(ApiGatewayState.key(scope, id));
        if (plan == null) {
            throw ApiGatewayErrors.notFound("Invalid Usage Plan ID specified");
        }
        return plan;
    }

    public List<UsagePlanRecord> plans(Scope scope, String keyId) {
        return ApiGatewayState.all(state.usagePlans, scope).stream()
                .filter(p -> keyId == null || p.keyIds().contains(keyId)).toList();
    }

    public void deletePlan(Scope scope, String id) {
        plan(scope, id);
        state.usagePlans.remove(ApiGatewayState.key(scope, id));
        state.putTags(scope, planArn(scope, id), null);
    }

    public ApiKeyRecord addKey(Scope scope, String planId, String keyId, String keyType) {
        UsagePlanRecord plan = plan(scope, planId);
        if (!"API_KEY".equals(keyType)) {
            throw ApiGatewayErrors.badRequest("Invalid key type specified: " + keyType);
        }
        ApiKeyRecord key = get(scope, keyId);
        if (plan.keyIds().contains(keyId)) {
            throw ApiGatewayErrors.conflict("Usage Plan " + planId + " cannot be added because API Key " + keyId
                    + " already exists in the Usage Plan");
        }
        List<String> ids = new ArrayList<>(plan.keyIds());
        ids.add(keyId);
        state.usagePlans.put(ApiGatewayState.key(scope, planId), plan.withKeyIds(ids));
        return key;
    }

    public List<ApiKeyRecord> planKeys(Scope scope, String planId) {
        return plan(scope, planId).keyIds().stream().map(id -> state.apiKeys.get(ApiGatewayState.key(scope, id)))
                .filter(java.util.Objects::nonNull).toList();
    }

    public ApiKeyRecord planKey(Scope scope, String planId, String keyId) {
        if (!plan(scope, planId).keyIds().contains(keyId)) {
            throw ApiGatewayErrors.notFound("Invalid API Key identifier specified");
        }
        return get(scope, keyId);
    }

    public void removeKey(Scope scope, String planId, String keyId) {
        UsagePlanRecord plan = plan(scope, planId);
        if (!plan.keyIds().contains(keyId)) {
            throw ApiGatewayErrors.notFound("Invalid API Key identifier specified");
        }
        List<String> ids = new ArrayList<>(plan.keyIds());
        ids.remove(keyId);
        state.usagePlans.put(ApiGatewayState.key(scope, planId), plan.withKeyIds(ids));
    }

    /**
     * Whether a method with apiKeyRequired may be called with this {@code x-api-key} value: an enabled
     * key of a usage plan that covers the API's stage (throttles and quotas are not counted).
     */
    public boolean allows(Scope scope, String apiId, String stage, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (ApiKeyRecord key : ApiGatewayState.all(state.apiKeys, scope)) {
            if (key.enabled() && value.equals(key.value())) {
                for (UsagePlanRecord plan : ApiGatewayState.all(state.usagePlans, scope)) {
                    if (plan.keyIds().contains(key.id()) && plan.apiStages().contains(new ApiStageRef(apiId, stage))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public static String keyArn(Scope scope, String id) {
        return "arn:aws:apigateway:" + scope.region() + "::/apikeys/" + id;
    }

    public static String planArn(Scope scope, String id) {
        return "arn:aws:apigateway:" + scope.region() + "::/usageplans/" + id;
    }
}
