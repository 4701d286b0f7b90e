package dev.cloudjar.services.eventbridge.model;

/**
 * An EventBridge Scheduler schedule. Times are epoch millis (null when unset); {@code flexibleMinutes}
 * is null in mode OFF; the target is its ARN, role, Input and SqsParameters.MessageGroupId.
 */
public record ScheduleRecord(String account, String region, String groupName, String name, String arn,
                             String scheduleExpression, String timezone, String description, String state,
                             Long startMillis, Long endMillis, String flexibleMode, Integer flexibleMinutes,
                             String targetArn, String roleArn, String input, String messageGroupId,
                             String actionAfterCompletion, long createdMillis, long modifiedMillis) {
    public boolean enabled() {
        return "ENABLED".equals(state);
    }
}
