package dev.cloudjar.services.eventbridge;

import dev.cloudjar.core.Arn;
import dev.cloudjar.services.eventbridge.model.TargetRecord;

/** PutTargets' checks on one target, with AWS's messages. */
final class Targets {
    static final int MAX_PER_RULE = 5;

    private Targets() {
    }

    static void validate(TargetRecord t) {
        EventBridgeBackend.requireName(t.id(), "targets.member.id");
        if (t.arn() == null || t.arn().isEmpty()) {
            throw EventBridgeErrors.constraint(String.valueOf(t.arn()), "targets.member.arn", "Member must have length greater than or equal to 1");
        }
        Arn arn = Arn.parseOrNull(t.arn());
        if (arn == null) {
            throw EventBridgeErrors.validation("Parameter " + t.arn() + " is not valid. Reason: Provided Arn is not in correct format.");
        }
        EventBridgeBackend.maxLength(t.input(), "targets.member.input", 8192);
        EventBridgeBackend.maxLength(t.inputPath(), "targets.member.inputPath", 256);
        EventBridgeBackend.maxLength(t.inputTemplate(), "targets.member.inputTransformer.inputTemplate", 8192);
        EventBridgeBackend.maxLength(t.arn(), "targets.member.arn", 1600);
        int given = (t.input() != null ? 1 : 0) + (t.inputPath() != null ? 1 : 0) + (t.hasTransformer() ? 1 : 0);
        if (given > 1) {
            throw EventBridgeErrors.validation("Only one of Input, InputPath, or InputTransformer must be provided for target " + t.id() + ".");
        }
        if (t.input() != null) {
            try {
                TargetInput.MAPPER.readTree(t.input());
            } catch (java.io.IOException e) {
                throw EventBridgeErrors.validation("Input for target " + t.id() + " is not a valid JSON text.");
            }
        }
        if (t.inputPath() != null && !TargetInput.validPath(t.inputPath())) {
            throw EventBridgeErrors.validation("Target " + t.id() + " has an invalid InputPath.");
        }
        if (t.inputPathsMap() != null) {
            if (t.inputPathsMap().size() > 100) {
                throw EventBridgeErrors.validation("InputPathsMap for target " + t.id() + " has more than 100 entries.");
            }
            t.inputPathsMap().forEach((key, path) -> {
                if (key.startsWith("aws.") || !TargetInput.validPath(path)) {
                    throw EventBridgeErrors.validation("Input template key " + key + " for target " + t.id() + " is invalid.");
                }
            });
        }
        if ("sqs".equals(arn.service()) && arn.resource().endsWith(".fifo") && t.messageGroupId() == null) {
            throw EventBridgeErrors.validation("Parameter(s) SqsParameters must be specified for target: " + t.id() + ".");
        }
    }
}
