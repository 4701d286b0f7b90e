package dev.cloudjar.services.eventbridge.model;

import java.util.Map;

/** PutRule's input, with AWS's member names. */
public record PutRuleRequest(String name, String scheduleExpression, String eventPattern, String state, String description,
                             String roleArn, Map<String, String> tags, String eventBusName) {
}
