package dev.cloudjar.services.apigateway.model;

import java.util.List;

/** A usage plan with its API stages, throttle and quota (stored, not enforced) and the ids of its keys. */
public record UsagePlanRecord(int version, String id, String name, String description, List<ApiStageRef> apiStages,
                              Double throttleRateLimit, Integer throttleBurstLimit, Integer quotaLimit, Integer quotaOffset,
                              String quotaPeriod, List<String> keyIds) {
    public UsagePlanRecord withKeyIds(List<String> value) {
        return new UsagePlanRecord(version, id, name, description, apiStages, throttleRateLimit, throttleBurstLimit,
                quotaLimit, quotaOffset, quotaPeriod, value);
    }
}
