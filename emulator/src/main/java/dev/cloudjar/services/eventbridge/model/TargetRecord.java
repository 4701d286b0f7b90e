package dev.cloudjar.services.eventbridge.model;

import java.util.Map;

/**
 * A rule's target as PutTargets gave it; {@code messageGroupId} is SqsParameters.MessageGroupId, and
 * {@code otherMembers} the JSON object of the members CloudJar keeps but does not act on (RetryPolicy,
 * DeadLetterConfig, EcsParameters, ...), so that ListTargetsByRule answers what was put.
 */
public record TargetRecord(String id, String arn, String roleArn, String input, String inputPath,
                           Map<String, String> inputPathsMap, String inputTemplate, String messageGroupId, String otherMembers) {
    public boolean hasTransformer() {
        return inputTemplate != null;
    }
}
