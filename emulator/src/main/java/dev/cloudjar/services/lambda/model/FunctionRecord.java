package dev.cloudjar.services.lambda.model;

import java.util.List;
import java.util.Map;

/**
 * A function as stored: its $LATEST configuration plus what belongs to the function as a whole (tags,
 * resource policy statements, reserved concurrency, the last published version number).
 */
public record FunctionRecord(
        FunctionConfig latest,
        Map<String, String> tags,
        List<PolicyStatement> policy,
        Integer reservedConcurrency,
        int lastVersion,
        String policyRevision) {

    public FunctionRecord {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        policy = policy == null ? List.of() : List.copyOf(policy);
    }

    public FunctionRecord withLatest(FunctionConfig value) {
        return new FunctionRecord(value, tags, policy, reservedConcurrency, lastVersion, policyRevision);
    }

    public FunctionRecord withTags(Map<String, String> value) {
        return new FunctionRecord(latest, value, policy, reservedConcurrency, lastVersion, policyRevision);
    }

    public FunctionRecord withPolicy(List<PolicyStatement> value, String revision) {
        return new FunctionRecord(latest, tags, value, reservedConcurrency, lastVersion, revision);
    }

    public FunctionRecord withReservedConcurrency(Integer value) {
        return new FunctionRecord(latest, tags, policy, value, lastVersion, policyRevision);
    }

    public FunctionRecord withLastVersion(int value) {
        return new FunctionRecord(latest, tags, policy, reservedConcurrency, value, policyRevision);
    }
}
