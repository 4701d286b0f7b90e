package dev.cloudjar.services.logs.wire;

import dev.cloudjar.services.logs.model.LogGroupView;
import dev.cloudjar.services.logs.model.LogStreamView;
import java.util.List;
import java.util.Map;

/** One record per CloudWatch Logs operation's output, with AWS's member names. */
final class LogsOutputs {
    private LogsOutputs() {
    }

    record Empty() {
    }

    record DescribeLogGroupsOutput(List<LogGroupView> logGroups, String nextToken) {
    }

    record DescribeLogStreamsOutput(List<LogStreamView> logStreams, String nextToken) {
    }

    record RejectedLogEventsInfo(Integer tooNewLogEventStartIndex, Integer tooOldLogEventEndIndex, Integer expiredLogEventEndIndex) {
    }

    record PutLogEventsOutput(String nextSequenceToken, RejectedLogEventsInfo rejectedLogEventsInfo) {
    }

    record OutputLogEvent(Long timestamp, String message, Long ingestionTime) {
    }

    record GetLogEventsOutput(List<OutputLogEvent> events, String nextForwardToken, String nextBackwardToken) {
    }

    record FilteredLogEvent(String logStreamName, Long timestamp, String message, Long ingestionTime, String eventId) {
    }

    record SearchedLogStream(String logStreamName, Boolean searchedCompletely) {
    }

    record FilterLogEventsOutput(List<FilteredLogEvent> events, List<SearchedLogStream> searchedLogStreams, String nextToken) {
    }

    record TagsOutput(Map<String, String> tags) {
    }
}
