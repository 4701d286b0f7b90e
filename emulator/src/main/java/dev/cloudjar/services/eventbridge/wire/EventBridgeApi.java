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
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.eventbridge.BusPolicies;
import dev.cloudjar.services.eventbridge.EventBridgeBackend;
import dev.cloudjar.services.eventbridge.EventBridgeErrors;
import dev.cloudjar.services.eventbridge.model.EventBusRecord;
import dev.cloudjar.services.eventbridge.model.FailedEntry;
import dev.cloudjar.services.eventbridge.model.Page;
import dev.cloudjar.services.eventbridge.model.PutEventsEntry;
import dev.cloudjar.services.eventbridge.model.PutEventsResult;
import dev.cloudjar.services.eventbridge.model.PutRuleRequest;
import dev.cloudjar.services.eventbridge.model.RuleRecord;
import dev.cloudjar.services.eventbridge.model.TargetRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Amazon EventBridge over AWS JSON 1.1 ({@code X-Amz-Target: AWSEvents.*}). */
public final class EventBridgeApi implements AwsService {
    private final EventBridgeBackend backend;
    private final OperationTable operations = new OperationTable();

    public EventBridgeApi(EventBridgeBackend backend) {
        this.backend = backend;
        op("PutRule", this::putRule);
        op("DescribeRule", (s, b) -> rule(backend.describeRule(s, string(b, "Name"), string(b, "EventBusName")), true));
        op("ListRules", this::listRules);
        op("EnableRule", (s, b) -> {
            backend.enableRule(s, string(b, "Name"), string(b, "EventBusName"));
            return empty();
        });
        op("DisableRule", (s, b) -> {
            backend.disableRule(s, string(b, "Name"), string(b, "EventBusName"));
            return empty();
        });
        op("DeleteRule", (s, b) -> {
            backend.deleteRule(s, string(b, "Name"), string(b, "EventBusName"), b.path("Force").asBoolean(false));
            return empty();
        });
        op("PutTargets", this::putTargets);
        op("RemoveTargets", (s, b) -> failed(backend.removeTargets(s, string(b, "Rule"), string(b, "EventBusName"),
                EventBridgeJson.strings(b, "Ids"))));
        op("ListTargetsByRule", this::listTargetsByRule);
        op("ListRuleNamesByTarget", this::listRuleNamesByTarget);
        op("TagResource", (s, b) -> {
            Map<String, String> tags = EventBridgeJson.tags(b, "Tags");
            backend.tagResource(s, required(b, "ResourceARN"), tags == null ? Map.of() : tags);
            return empty();
        });
        op("UntagResource", (s, b) -> {
            List<String> keys = EventBridgeJson.strings(b, "TagKeys");
            backend.untagResource(s, required(b, "ResourceARN"), keys == null ? List.of() : keys);
            return empty();
        });
        op("ListTagsForResource", (s, b) -> {
            ObjectNode out = empty();
            out.set("Tags", EventBridgeJson.writeTags(backend.listTags(s, required(b, "ResourceARN"))));
            return out;
        });
        op("CreateEventBus", (s, b) -> empty().put("EventBusArn",
                backend.createEventBus(s, string(b, "Name"), string(b, "Description"), EventBridgeJson.tags(b, "Tags"))));
        op("DescribeEventBus", (s, b) -> bus(backend.describeEventBus(s, string(b, "Name"))));
        op("ListEventBuses", this::listEventBuses);
        op("DeleteEventBus", (s, b) -> {
            backend.deleteEventBus(s, required(b, "Name"));
            return empty();
        });
        op("UpdateEventBus", (s, b) -> {
            EventBusRecord bus = backend.updateEventBus(s, string(b, "Name"), string(b, "Description"));
            ObjectNode out = empty().put("Arn", bus.arn()).put("Name", bus.name());
            if (bus.description() != null) {
                out.put("Description", bus.description());
            }
            return out;
        });
        op("PutPermission", (s, b) -> {
            JsonNode condition = b.get("Condition");
            BusPolicies.Statement statement = new BusPolicies.Statement(string(b, "Action"), string(b, "Principal"),
                    string(b, "StatementId"), condition == null ? null : string(condition, "Type"),
                    condition == null ? null : string(condition, "Key"), condition == null ? null : string(condition, "Value"));
            backend.putPermission(s, string(b, "EventBusName"), statement, string(b, "Policy"));
            return empty();
        });
        op("RemovePermission", (s, b) -> {
            backend.removePermission(s, string(b, "EventBusName"), string(b, "StatementId"), b.path("RemoveAllPermissions").asBoolean(false));
            return empty();
        });
        op("PutEvents", this::putEvents);
        op("TestEventPattern", (s, b) -> empty().put("Result",
                backend.testEventPattern(required(b, "EventPattern"), required(b, "Event"))));
    }

    private void op(String name, BiFunction<Scope, JsonNode, ObjectNode> handler) {
        operations.register(name, request -> JsonProtocol.ok11(handler.apply(request.scope(), JsonProtocol.readTree(request))));
    }

    @Override
    public String serviceName() {
        return "events";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return JsonProtocol.dispatch11(operations, request);
    }

    @Override
    public AwsResponse error(AwsException error, AwsRequest request) {
        return JsonProtocol.error11(error, request, null);
    }

    private ObjectNode putRule(Scope scope, JsonNode b) {
        String arn = backend.putRule(scope, new PutRuleRequest(string(b, "Name"), string(b, "ScheduleExpression"),
                string(b, "EventPattern"), string(b, "State"), string(b, "Description"), string(b, "RoleArn"),
                EventBridgeJson.tags(b, "Tags"), string(b, "EventBusName")));
        return empty().put("RuleArn", arn);
    }

    private ObjectNode listRules(Scope scope, JsonNode b) {
        Page<RuleRecord> page = backend.listRules(scope, string(b, "NamePrefix"), string(b, "EventBusName"),
                string(b, "NextToken"), integer(b, "Limit"));
        ObjectNode out = empty();
        ArrayNode rules = out.putArray("Rules");
        page.items().forEach(r -> rules.add(rule(r, false)));
        return next(out, page);
    }

    private ObjectNode putTargets(Scope scope, JsonNode b) {
        List<JsonNode> targets = EventBridgeJson.objects(b, "Targets");
        List<TargetRecord> records = new ArrayList<>();
        if (targets != null) {
            targets.forEach(t -> records.add(EventBridgeJson.target(t)));
        }
        return failed(backend.putTargets(scope, string(b, "Rule"), string(b, "EventBusName"), targets == null ? null : records));
    }

    private ObjectNode listTargetsByRule(Scope scope, JsonNode b) {
        Page<TargetRecord> page = backend.listTargetsByRule(scope, string(b, "Rule"), string(b, "EventBusName"),
                string(b, "NextToken"), integer(b, "Limit"));
        ObjectNode out = empty();
        ArrayNode list = out.putArray("Targets");
        page.items().forEach(t -> list.add(EventBridgeJson.writeTarget(t)));
        return next(out, page);
    }

    private ObjectNode listRuleNamesByTarget(Scope scope, JsonNode b) {
        Page<String> page = backend.listRuleNamesByTarget(scope, string(b, "TargetArn"), string(b, "EventBusName"),
                string(b, "NextToken"), integer(b, "Limit"));
        ObjectNode out = empty();
        ArrayNode list = out.putArray("RuleNames");
        page.items().forEach(list::add);
        return next(out, page);
    }

    private ObjectNode listEventBuses(Scope scope, JsonNode b) {
        Page<EventBusRecord> page = backend.listEventBuses(scope, string(b, "NamePrefix"), string(b, "NextToken"), integer(b, "Limit"));
        ObjectNode out = empty();
        ArrayNode list = out.putArray("EventBuses");
        page.items().forEach(bus -> list.add(bus(bus)));
        return next(out, page);
    }

    private ObjectNode putEvents(Scope scope, JsonNode b) {
        List<JsonNode> entries = EventBridgeJson.objects(b, "Entries");
        List<PutEventsEntry> input = null;
        if (entries != null) {
            input = new ArrayList<>();
            for (JsonNode e : entries) {
                input.add(new PutEventsEntry(string(e, "Source"), string(e, "DetailType"), string(e, "Detail"),
                        EventBridgeJson.strings(e, "Resources"), string(e, "EventBusName"), EventBridgeJson.timestamp(e, "Time")));
            }
        }
        List<PutEventsResult> results = backend.putEvents(scope, input);
        ObjectNode out = empty();
        ArrayNode list = out.putArray("Entries");
        int failed = 0;
        for (PutEventsResult r : results) {
            ObjectNode entry = list.addObject();
            if (r.eventId() != null) {
                entry.put("EventId", r.eventId());
            } else {
                failed++;
                entry.put("ErrorCode", r.errorCode()).put("ErrorMessage", r.errorMessage());
            }
        }
        out.put("FailedEntryCount", failed);
        return out;
    }

    private static ObjectNode rule(RuleRecord r, boolean describe) {
        ObjectNode out = empty();
        out.put("Name", r.name());
        out.put("Arn", r.arn());
        if (r.eventPattern() != null) {
            out.put("EventPattern", r.eventPattern());
        }
        if (r.scheduleExpression() != null) {
            out.put("ScheduleExpression", r.scheduleExpression());
        }
        out.put("State", r.state());
        if (r.description() != null) {
            out.put("Description", r.description());
        }
        if (r.roleArn() != null) {
            out.put("RoleArn", r.roleArn());
        }
        out.put("EventBusName", r.eventBusName());
        if (describe) {
            out.put("CreatedBy", r.account());
        }
        return out;
    }

    private static ObjectNode bus(EventBusRecord bus) {
        ObjectNode out = empty();
        out.put("Name", bus.name());
        out.put("Arn", bus.arn());
        if (bus.description() != null) {
            out.put("Description", bus.description());
        }
        if (bus.policy() != null) {
            out.put("Policy", bus.policy());
        }
        if (bus.createdMillis() > 0) {
            out.put("CreationTime", bus.createdMillis() / 1000.0);
            out.put("LastModifiedTime", bus.modifiedMillis() / 1000.0);
        }
        return out;
    }

    private static ObjectNode failed(List<FailedEntry> failures) {
        ObjectNode out = empty();
        out.put("FailedEntryCount", failures.size());
        ArrayNode list = out.putArray("FailedEntries");
        for (FailedEntry f : failures) {
            list.addObject().put("TargetId", f.targetId()).put("ErrorCode", f.errorCode()).put("ErrorMessage", f.errorMessage());
        }
        return out;
    }

    private static ObjectNode next(ObjectNode out, Page<?> page) {
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return out;
    }

    private static String required(JsonNode b, String member) {
        String v = string(b, member);
        if (v == null) {
            String camel = Character.toLowerCase(member.charAt(0)) + member.substring(1);
            throw EventBridgeErrors.constraint("null", camel, "Member must not be null");
        }
        return v;
    }

    private static ObjectNode empty() {
        return JsonProtocol.MAPPER.createObjectNode();
    }
}
