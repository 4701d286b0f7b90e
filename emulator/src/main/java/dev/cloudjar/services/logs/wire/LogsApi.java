package dev.cloudjar.services.logs.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.logs.LogsBackend;
import dev.cloudjar.services.logs.model.EventPage;
import dev.cloudjar.services.logs.model.FilteredPage;
import dev.cloudjar.services.logs.model.LogGroupView;
import dev.cloudjar.services.logs.model.LogStreamView;
import dev.cloudjar.services.logs.model.Page;
import dev.cloudjar.services.logs.model.PutResult;
import dev.cloudjar.services.logs.wire.LogsInputs.*;
import dev.cloudjar.services.logs.wire.LogsOutputs.*;
import java.util.function.BiFunction;

/**
 * CloudWatch Logs on the wire: AWS JSON 1.1, {@code X-Amz-Target: Logs_20140328.<Op>}, signing name
 * {@code logs}. Each operation binds its input record, calls one backend method and renders its
 * output record.
 */
public final class LogsApi implements AwsService {
    private static final LogsOutputs.Empty EMPTY = new LogsOutputs.Empty();

    private final LogsBackend backend;
    private final OperationTable operations = new OperationTable();

    public LogsApi(LogsBackend backend) {
        this.backend = backend;
        op("CreateLogGroup", CreateLogGroupInput.class, (r, in) -> {
            backend.createLogGroup(r.scope(), in.logGroupName(), in.tags(), in.logGroupClass());
            return EMPTY;
        });
        op("DescribeLogGroups", DescribeLogGroupsInput.class, (r, in) -> {
            Page<LogGroupView> page = backend.describeLogGroups(r.scope(), new LogsBackend.GroupQuery(in.logGroupNamePrefix(),
                    in.logGroupNamePattern(), in.logGroupClass(), in.logGroupIdentifiers()), in.limit(), in.nextToken());
            return new DescribeLogGroupsOutput(page.items(), page.nextToken());
        });
        op("DeleteLogGroup", LogGroupNameInput.class, (r, in) -> {
            backend.deleteLogGroup(r.scope(), in.logGroupName());
            return EMPTY;
        });
        op("PutRetentionPolicy", PutRetentionPolicyInput.class, (r, in) -> {
            backend.putRetentionPolicy(r.scope(), in.logGroupName(), in.retentionInDays());
            return EMPTY;
        });
        op("DeleteRetentionPolicy", LogGroupNameInput.class, (r, in) -> {
            backend.deleteRetentionPolicy(r.scope(), in.logGroupName());
            return EMPTY;
        });
        op("CreateLogStream", LogStreamInput.class, (r, in) -> {
            backend.createLogStream(r.scope(), in.logGroupName(), in.logStreamName());
            return EMPTY;
        });
        op("DescribeLogStreams", DescribeLogStreamsInput.class, (r, in) -> {
            Page<LogStreamView> page = backend.describeLogStreams(r.scope(), LogsBackend.groupName(in.logGroupName(), in.logGroupIdentifier()),
                    in.logStreamNamePrefix(), in.orderBy(), in.descending(), in.limit(), in.nextToken());
            return new DescribeLogStreamsOutput(page.items(), page.nextToken());
        });
        op("DeleteLogStream", LogStreamInput.class, (r, in) -> {
            backend.deleteLogStream(r.scope(), in.logGroupName(), in.logStreamName());
            return EMPTY;
        });
        op("PutLogEvents", PutLogEventsInput.class, (r, in) -> {
            PutResult result = backend.putLogEvents(r.scope(), in.logGroupName(), in.logStreamName(), in.logEvents());
            return new PutLogEventsOutput(result.nextSequenceToken(), result.anyRejected()
                    ? new RejectedLogEventsInfo(result.tooNewLogEventStartIndex(), result.tooOldLogEventEndIndex(),
                            result.expiredLogEventEndIndex())
                    : null);
        });
        op("GetLogEvents", GetLogEventsInput.class, (r, in) -> {
            EventPage page = backend.getLogEvents(r.scope(), LogsBackend.groupName(in.logGroupName(), in.logGroupIdentifier()), in.logStreamName(),
                    in.startTime(), in.endTime(), in.nextToken(), in.limit(), in.startFromHead());
            return new GetLogEventsOutput(page.events().stream()
                    .map(e -> new OutputLogEvent(e.timestamp(), e.message(), e.ingestionTime())).toList(),
                    page.nextForwardToken(), page.nextBackwardToken());
        });
        op("FilterLogEvents", FilterLogEventsInput.class, (r, in) -> {
            FilteredPage page = backend.filterLogEvents(r.scope(), LogsBackend.groupName(in.logGroupName(), in.logGroupIdentifier()),
                    in.logStreamNames(), in.logStreamNamePrefix(), in.startTime(), in.endTime(), in.filterPattern(),
                    in.nextToken(), in.limit());
            return new FilterLogEventsOutput(page.events().stream()
                    .map(e -> new FilteredLogEvent(e.logStreamName(), e.timestamp(), e.message(), e.ingestionTime(), e.eventId()))
                    .toList(), page.searchedLogStreams().stream().map(s -> new SearchedLogStream(s, true)).toList(),
                    page.nextToken());
        });
        op("ListTagsLogGroup", LogGroupNameInput.class, (r, in) -> new TagsOutput(backend.listTagsLogGroup(r.scope(), in.logGroupName())));
        op("TagLogGroup", TagLogGroupInput.class, (r, in) -> {
            backend.tagLogGroup(r.scope(), in.logGroupName(), in.tags());
            return EMPTY;
        });
        op("UntagLogGroup", UntagLogGroupInput.class, (r, in) -> {
            backend.untagLogGroup(r.scope(), in.logGroupName(), in.tags());
            return EMPTY;
        });
        op("ListTagsForResource", ResourceArnInput.class, (r, in) -> new TagsOutput(backend.listTagsForResource(in.resourceArn())));
        op("TagResource", TagResourceInput.class, (r, in) -> {
            backend.tagResource(in.resourceArn(), in.tags());
            return EMPTY;
        });
        op("UntagResource", UntagResourceInput.class, (r, in) -> {
            backend.untagResource(in.resourceArn(), in.tagKeys());
            return EMPTY;
        });
    }

    private <I> void op(String name, Class<I> input, BiFunction<AwsRequest, I, Object> call) {
        operations.register(name, request -> JsonProtocol.ok11(call.apply(request, JsonProtocol.read(request, input))));
    }

    public OperationTable operations() {
        return operations;
    }

    @Override
    public String serviceName() {
        return "logs";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return JsonProtocol.dispatch11(operations, request);
    }

    @Override
    public AwsResponse error(AwsException error, AwsRequest request) {
        return JsonProtocol.error11(error, request, null);
    }
}
