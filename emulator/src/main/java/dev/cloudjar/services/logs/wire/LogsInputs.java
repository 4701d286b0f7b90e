package dev.cloudjar.services.logs.wire;

import dev.cloudjar.services.logs.model.InputEvent;
import java.util.List;
import java.util.Map;

/** One record per CloudWatch Logs operation's input, with AWS's member names (botocore logs/2014-03-28). */
final class LogsInputs {
    private LogsInputs() {
    }

    record CreateLogGroupInput(String logGroupName, Map<String, String> tags, String logGroupClass, String kmsKeyId) {
    }

    record LogGroupNameInput(String logGroupName) {
    }

    record DescribeLogGroupsInput(String logGroupNamePrefix, String logGroupNamePattern, String nextToken, Integer limit,
                                  String logGroupClass, List<String> logGroupIdentifiers) {
    }

    record PutRetentionPolicyInput(String logGroupName, Integer retentionInDays) {
    }

    record LogStreamInput(String logGroupName, String logStreamName) {
    }

    record DescribeLogStreamsInput(String logGroupName, String logGroupIdentifier, String logStreamNamePrefix, String orderBy,
                                   Boolean descending, String nextToken, Integer limit) {
    }

    record PutLogEventsInput(String logGroupName, String logStreamName, List<InputEvent> logEvents, String sequenceToken) {
    }

    record GetLogEventsInput(String logGroupName, String logGroupIdentifier, String logStreamName, Long startTime, Long endTime,
                             String nextToken, Integer limit, Boolean startFromHead) {
    }

    record FilterLogEventsInput(String logGroupName, String logGroupIdentifier, List<String> logStreamNames,
                                String logStreamNamePrefix, Long startTime, Long endTime, String filterPattern,
                                String nextToken, Integer limit, Boolean interleaved) {
    }

    record TagLogGroupInput(String logGroupName, Map<String, String> tags) {
    }

    record UntagLogGroupInput(String logGroupName, List<String> tags) {
    }

    record ResourceArnInput(String resourceArn) {
    }

    record TagResourceInput(String resourceArn, Map<String, String> tags) {
    }

    record UntagResourceInput(String resourceArn, List<String> tagKeys) {
    }
}
