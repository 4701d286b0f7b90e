package dev.cloudjar.services.eventbridge.model;

import java.util.Map;

/** A rule's target as PutTargets gave it; {@code messageGroupId} is SqsParameters.MessageGroupId. */
public record TargetRecord(String id, String arn, String roleArn, String input, String inputPath,
                           Map<String, String> inputPathsMap, String inputTemplate, String messageGroupId) {
    public boolean hasTransformer() {
        return inputTemplate != null;
    }
}
