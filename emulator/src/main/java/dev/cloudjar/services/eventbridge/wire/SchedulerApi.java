package dev.cloudjar.services.eventbridge.wire;

import static dev.cloudjar.services.eventbridge.wire.EventBridgeJson.integer;
import static dev.cloudjar.services.eventbridge.wire.EventBridgeJson.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.eventbridge.SchedulerBackend;
import dev.cloudjar.services.eventbridge.model.Page;
import dev.cloudjar.services.eventbridge.model.ScheduleGroupRecord;
import dev.cloudjar.services.eventbridge.model.ScheduleRecord;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * EventBridge Scheduler over REST-JSON (signing name {@code scheduler}): {@code /schedules/{Name}},
 * {@code /schedule-groups/{Name}}, {@code /tags/{ResourceArn}}. Errors carry {@code x-amzn-ErrorType}
 * and a {@code Message} body, as the model's errors do.
 */
public final class SchedulerApi implements AwsService {
    private static final String JSON_TYPE = "application/json";
    private final SchedulerBackend backend;

    public SchedulerApi(SchedulerBackend backend) {
        this.backend = backend;
    }

    @Override
    public String serviceName() {
        return "scheduler";
    }

    @Override
    public AwsResponse handle(AwsRequest r) {
        String path = r.rawPath();
        String method = r.method();
        Scope scope = r.scope();
        if (path.equals("/schedules") && method.equals("GET")) {
            return listSchedules(r);
        }
        if (path.equals("/schedule-groups") && method.equals("GET")) {
            return listGroups(r);
        }
        if (path.startsWith("/schedules/")) {
            String name = segment(path, "/schedules/");
            switch (method) {
                case "POST":
                    return ok(empty().put("ScheduleArn", backend.createSchedule(scope, input(name, JsonProtocol.readTree(r)))));
                case "PUT":
                    return ok(empty().put("ScheduleArn", backend.updateSchedule(scope, input(name, JsonProtocol.readTree(r)))));
                case "GET":
                    return ok(schedule(backend.getSchedule(scope, name, r.queryParameter("groupName"))));
                case "DELETE":
                    backend.deleteSchedule(scope, name, r.queryParameter("groupName"));
                    return ok(empty());
                default:
                    break;
            }
        }
        if (path.startsWith("/schedule-groups/")) {
            String name = segment(path, "/schedule-groups/");
            switch (method) {
                case "POST":
                    return ok(empty().put("ScheduleGroupArn", backend.createScheduleGroup(scope, name,
                            EventBridgeJson.tags(JsonProtocol.readTree(r), "Tags"))));
                case "GET":
                    return ok(group(backend.getScheduleGroup(scope, name)));
                case "DELETE":
                    backend.deleteScheduleGroup(scope, name);
                    return ok(empty());
                default:
                    break;
            }
        }
        if (path.startsWith("/tags/")) {
            String arn = segment(path, "/tags/");
            switch (method) {
                case "GET": {
                    ObjectNode out = empty();
                    out.set("Tags", EventBridgeJson.writeTags(backend.listTags(scope, arn)));
                    return ok(out);
                }
                case "POST": {
                    Map<String, String> tags = EventBridgeJson.tags(JsonProtocol.readTree(r), "Tags");
                    backend.tagResource(scope, arn, tags == null ? Map.of() : tags);
                    return ok(empty());
                }
                case "DELETE": {
                    List<String> keys = r.queryParameters().getOrDefault("TagKeys", List.of());
                    backend.untagResource(scope, arn, keys);
                    return ok(empty());
                }
                default:
                    break;
            }
        }
        throw new AwsException(404, "UnknownOperationException", "Unknown operation " + method + " " + path);
    }

    private static String segment(String path, String prefix) {
        return URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8);
    }

    private static SchedulerBackend.ScheduleInput input(String name, JsonNode b) {
        JsonNode window = b.path("FlexibleTimeWindow");
        JsonNode target = b.path("Target");
        JsonNode sqs = target.path("SqsParameters");
        return new SchedulerBackend.ScheduleInput(name, string(b, "GroupName"), string(b, "ScheduleExpression"),
                string(b, "ScheduleExpressionTimezone"), string(b, "Description"), string(b, "State"),
                EventBridgeJson.timestamp(b, "StartDate"), EventBridgeJson.timestamp(b, "EndDate"),
                window.isObject() ? string(window, "Mode") : null, window.isObject() ? integer(window, "MaximumWindowInMinutes") : null,
                target.isObject() ? string(target, "Arn") : null, target.isObject() ? string(target, "RoleArn") : null,
                target.isObject() ? string(target, "Input") : null, sqs.isObject() ? string(sqs, "MessageGroupId") : null,
                string(b, "ActionAfterCompletion"));
    }

    private AwsResponse listSchedules(AwsRequest r) {
        Page<ScheduleRecord> page = backend.listSchedules(r.scope(), r.queryParameter("ScheduleGroup"), r.queryParameter("NamePrefix"),
                r.queryParameter("State"), r.queryParameter("NextToken"), intParam(r, "MaxResults"));
        ObjectNode out = empty();
        ArrayNode list = out.putArray("Schedules");
        for (ScheduleRecord s : page.items()) {
            ObjectNode summary = list.addObject();
            summary.put("Arn", s.arn()).put("Name", s.name()).put("GroupName", s.groupName()).put("State", s.state());
            seconds(summary, "CreationDate", s.createdMillis());
            seconds(summary, "LastModificationDate", s.modifiedMillis());
            summary.putObject("Target").put("Arn", s.targetArn());
        }
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return ok(out);
    }

    private AwsResponse listGroups(AwsRequest r) {
        Page<ScheduleGroupRecord> page = backend.listScheduleGroups(r.scope(), r.queryParameter("NamePrefix"),
                r.queryParameter("NextToken"), intParam(r, "MaxResults"));
        ObjectNode out = empty();
        ArrayNode list = out.putArray("ScheduleGroups");
        page.items().forEach(g -> list.add(group(g)));
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return ok(out);
    }

    private static Integer intParam(AwsRequest r, String name) {
        String v = r.queryParameter(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new AwsException(400, "ValidationException", "Invalid " + name + " " + v + ".");
        }
    }

    private static ObjectNode schedule(ScheduleRecord s) {
        ObjectNode out = empty();
        out.put("ActionAfterCompletion", s.actionAfterCompletion());
        out.put("Arn", s.arn());
        seconds(out, "CreationDate", s.createdMillis());
        if (s.description() != null) {
            out.put("Description", s.description());
        }
        if (s.endMillis() != null) {
            seconds(out, "EndDate", s.endMillis());
        }
        ObjectNode window = out.putObject("FlexibleTimeWindow").put("Mode", s.flexibleMode());
        if (s.flexibleMinutes() != null) {
            window.put("MaximumWindowInMinutes", s.flexibleMinutes());
        }
        out.put("GroupName", s.groupName());
        seconds(out, "LastModificationDate", s.modifiedMillis());
        out.put("Name", s.name());
        out.put("ScheduleExpression", s.scheduleExpression());
        out.put("ScheduleExpressionTimezone", s.timezone());
        if (s.startMillis() != null) {
            seconds(out, "StartDate", s.startMillis());
        }
        out.put("State", s.state());
        ObjectNode target = out.putObject("Target").put("Arn", s.targetArn()).put("RoleArn", s.roleArn());
        if (s.input() != null) {
            target.put("Input", s.input());
        }
        if (s.messageGroupId() != null) {
            target.putObject("SqsParameters").put("MessageGroupId", s.messageGroupId());
        }
        return out;
    }

    private static ObjectNode group(ScheduleGroupRecord g) {
        ObjectNode out = empty().put("Arn", g.arn()).put("Name", g.name()).put("State", "ACTIVE");
        if (g.createdMillis() > 0) {
            seconds(out, "CreationDate", g.createdMillis());
            seconds(out, "LastModificationDate", g.modifiedMillis());
        }
        return out;
    }

    private static void seconds(ObjectNode out, String member, long millis) {
        out.put(member, Instant.ofEpochMilli(millis).toEpochMilli() / 1000.0);
    }

    private static ObjectNode empty() {
        return JsonProtocol.MAPPER.createObjectNode();
    }

    private static AwsResponse ok(ObjectNode body) {
        return AwsResponse.ok().body(JsonProtocol.encode(body), JSON_TYPE);
    }

    @Override
    public AwsResponse error(AwsException e, AwsRequest r) {
        ObjectNode body = empty().put("Message", e.getMessage());
        return AwsResponse.status(e.status()).header("x-amzn-RequestId", r.requestId())
                .header("x-amzn-ErrorType", e.code()).body(JsonProtocol.encode(body), JSON_TYPE);
    }
}
