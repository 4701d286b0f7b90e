package dev.cloudjar.services.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** Rules, targets, tags and event buses through the SDK, with the errors users meet. */
@ExtendWith(CloudJarExtension.class)
class EventBridgeRulesIT {
    private static final String ACCOUNT = "000000000000";
    private static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:hello";
    private static final String FN2 = "arn:aws:lambda:us-east-1:000000000000:function:hello2";

    @Test
    void putDescribeEnableDisableDelete(EventBridgeClient events) {
        String arn = events.putRule(b -> b.name("every-minute").scheduleExpression("rate(1 minute)").description("tick")).ruleArn();
        assertEquals("arn:aws:events:us-east-1:" + ACCOUNT + ":rule/every-minute", arn);
        DescribeRuleResponse rule = events.describeRule(b -> b.name("every-minute"));
        assertEquals("every-minute", rule.name());
        assertEquals(arn, rule.arn());
        assertEquals("rate(1 minute)", rule.scheduleExpression());
        assertEquals(RuleState.ENABLED, rule.state());
        assertEquals("tick", rule.description());
        assertEquals("default", rule.eventBusName());
        assertNull(rule.eventPattern());

        events.disableRule(b -> b.name("every-minute"));
        assertEquals(RuleState.DISABLED, events.describeRule(b -> b.name("every-minute")).state());
        events.enableRule(b -> b.name("every-minute"));
        assertEquals(RuleState.ENABLED, events.describeRule(b -> b.name("every-minute")).state());

        // PutRule again updates the rule in place and keeps its targets
        events.putTargets(b -> b.rule("every-minute").targets(Target.builder().id("1").arn(FN).build()));
        events.putRule(b -> b.name("every-minute").scheduleExpression("rate(5 minutes)").state(RuleState.DISABLED));
        rule = events.describeRule(b -> b.name("every-minute"));
        assertEquals("rate(5 minutes)", rule.scheduleExpression());
        assertEquals(RuleState.DISABLED, rule.state());
        assertEquals(1, events.listTargetsByRule(b -> b.rule("every-minute")).targets().size());

        EventBridgeException e = assertThrows(EventBridgeException.class, () -> events.deleteRule(b -> b.name("every-minute")));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertEquals("Rule can't be deleted since it has targets.", e.awsErrorDetails().errorMessage());
        events.removeTargets(b -> b.rule("every-minute").ids("1"));
        events.deleteRule(b -> b.name("every-minute"));
        ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class, () -> events.describeRule(b -> b.name("every-minute")));
        assertEquals("Rule every-minute does not exist on EventBus default.", gone.awsErrorDetails().errorMessage());
        // deleting again succeeds, as on AWS
        events.deleteRule(b -> b.name("every-minute"));
    }

    @Test
    void scheduleExpressionsAreValidated(EventBridgeClient events) {
        for (String bad : List.of("rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "rate(30 seconds)", "cron(0 12 * * * *)",
                "cron(0 12 * *)", "cron(61 * * * ? *)", "every minute")) {
            EventBridgeException e = assertThrows(EventBridgeException.class,
                    () -> events.putRule(b -> b.name("bad").scheduleExpression(bad)), bad);
            assertEquals("ValidationException", e.awsErrorDetails().errorCode(), bad);
            assertEquals("Parameter ScheduleExpression is not valid.", e.awsErrorDetails().errorMessage(), bad);
        }
        for (String good : List.of("rate(1 minute)", "rate(5 minutes)", "rate(1 hour)", "rate(2 days)", "cron(0/5 * * * ? *)",
                "cron(0 18 ? * MON-FRI *)", "cron(0 8 1 * ? *)", "cron(0 9 ? * 2#1 *)", "cron(0 0 L * ? *)")) {
            events.putRule(b -> b.name("good").scheduleExpression(good));
            assertEquals(good, events.describeRule(b -> b.name("good")).scheduleExpression());
        }
        EventBridgeException none = assertThrows(EventBridgeException.class, () -> events.putRule(b -> b.name("none")));
        assertEquals("Parameter(s) EventPattern or ScheduleExpression must be specified.", none.awsErrorDetails().errorMessage());
        EventBridgeException name = assertThrows(EventBridgeException.class,
                () -> events.putRule(b -> b.name("has space").scheduleExpression("rate(1 minute)")));
        assertEquals("ValidationException", name.awsErrorDetails().errorCode());
        assertTrue(name.awsErrorDetails().errorMessage().contains("at 'name' failed to satisfy constraint"), name.getMessage());
    }

    @Test
    void eventPatternsAreValidated(EventBridgeClient events) {
        String pattern = "{\"source\":[\"my.app\"],\"detail-type\":[\"order\"]}";
        events.putRule(b -> b.name("orders").eventPattern(pattern));
        assertEquals(pattern, events.describeRule(b -> b.name("orders")).eventPattern());
        InvalidEventPatternException e = assertThrows(InvalidEventPatternException.class,
                () -> events.putRule(b -> b.name("bad-pattern").eventPattern("{\"source\":\"my.app\"}")));
        assertEquals("Event pattern is not valid. Reason: \"source\" must be an object or an array", e.awsErrorDetails().errorMessage());
        assertThrows(InvalidEventPatternException.class, () -> events.putRule(b -> b.name("bad-pattern").eventPattern("[1]")));
        assertThrows(InvalidEventPatternException.class, () -> events.putRule(b -> b.name("bad-pattern").eventPattern("{not json")));
        assertThrows(ResourceNotFoundException.class, () -> events.describeRule(b -> b.name("bad-pattern")));
        String huge = "{\"source\":[\"" + "a".repeat(4100) + "\"]}";
        EventBridgeException tooLong = assertThrows(EventBridgeException.class, () -> events.putRule(b -> b.name("huge").eventPattern(huge)));
        assertTrue(tooLong.awsErrorDetails().errorMessage().endsWith(
                "at 'eventPattern' failed to satisfy constraint: Member must have length less than or equal to 4096"), tooLong.getMessage());
    }

    @Test
    void listRulesByPrefixAndPage(EventBridgeClient events) {
        for (int i = 0; i < 7; i++) {
            int n = i;
            events.putRule(b -> b.name("list-" + n).eventPattern("{\"source\":[\"s" + n + "\"]}"));
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListRulesResponse page = events.listRules(b -> b.namePrefix("list-").limit(3).nextToken(t));
            page.rules().forEach(r -> names.add(r.name()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(List.of("list-0", "list-1", "list-2", "list-3", "list-4", "list-5", "list-6"), names);
        assertEquals(3, pages);
        assertEquals("{\"source\":[\"s3\"]}", events.listRules(b -> b.namePrefix("list-3")).rules().get(0).eventPattern());
        assertTrue(events.listRules(b -> b.namePrefix("nothing-")).rules().isEmpty());
    }

    @Test
    void targetsAddReplaceRemoveAndFindByArn(EventBridgeClient events) {
        events.putRule(b -> b.name("targets").eventPattern("{\"source\":[\"t\"]}"));
        PutTargetsResponse put = events.putTargets(b -> b.rule("targets").targets(
                Target.builder().id("fn").arn(FN2).input("{\"a\":1}").build(),
                Target.builder().id("q").arn("arn:aws:sqs:us-east-1:000000000000:orders.fifo")
                        .sqsParameters(p -> p.messageGroupId("g1")).inputPath("$.detail").build(),
                Target.builder().id("topic").arn("arn:aws:sns:us-east-1:000000000000:news")
                        .inputTransformer(t -> t.inputPathsMap(Map.of("s", "$.source")).inputTemplate("\"from <s>\""))
                        .retryPolicy(r -> r.maximumRetryAttempts(3).maximumEventAgeInSeconds(600))
                        .deadLetterConfig(d -> d.arn("arn:aws:sqs:us-east-1:000000000000:dlq")).build()));
        assertEquals(0, put.failedEntryCount());
        assertTrue(put.failedEntries().isEmpty());
        List<Target> targets = events.listTargetsByRule(b -> b.rule("targets")).targets();
        assertEquals(List.of("fn", "q", "topic"), targets.stream().map(Target::id).toList());
        assertEquals("{\"a\":1}", targets.get(0).input());
        assertEquals("g1", targets.get(1).sqsParameters().messageGroupId());
        assertEquals("$.detail", targets.get(1).inputPath());
        assertEquals("\"from <s>\"", targets.get(2).inputTransformer().inputTemplate());
        assertEquals(Map.of("s", "$.source"), targets.get(2).inputTransformer().inputPathsMap());
        // members CloudJar does not act on still come back as they were put
        assertEquals(3, targets.get(2).retryPolicy().maximumRetryAttempts());
        assertEquals(600, targets.get(2).retryPolicy().maximumEventAgeInSeconds());
        assertEquals("arn:aws:sqs:us-east-1:000000000000:dlq", targets.get(2).deadLetterConfig().arn());

        // same id replaces
        events.putTargets(b -> b.rule("targets").targets(Target.builder().id("fn").arn(FN2).input("{\"a\":2}").build()));
        assertEquals("{\"a\":2}", events.listTargetsByRule(b -> b.rule("targets")).targets().get(0).input());
        assertEquals(List.of("targets"), events.listRuleNamesByTarget(b -> b.targetArn(FN2)).ruleNames());

        // paging through targets
        var first = events.listTargetsByRule(b -> b.rule("targets").limit(2));
        assertEquals(2, first.targets().size());
        var second = events.listTargetsByRule(b -> b.rule("targets").limit(2).nextToken(first.nextToken()));
        assertEquals(List.of("topic"), second.targets().stream().map(Target::id).toList());
        assertNull(second.nextToken());

        assertEquals(0, events.removeTargets(b -> b.rule("targets").ids("fn", "topic")).failedEntryCount());
        assertEquals(List.of("q"), events.listTargetsByRule(b -> b.rule("targets")).targets().stream().map(Target::id).toList());
        assertTrue(events.listRuleNamesByTarget(b -> b.targetArn(FN2)).ruleNames().isEmpty());
    }

    @Test
    void targetErrors(EventBridgeClient events) {
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> events.putTargets(b -> b.rule("no-such-rule").targets(Target.builder().id("1").arn(FN).build())));
        assertEquals("Rule no-such-rule does not exist on EventBus default.", missing.awsErrorDetails().errorMessage());
        assertThrows(ResourceNotFoundException.class, () -> events.removeTargets(b -> b.rule("no-such-rule").ids("1")));
        assertThrows(ResourceNotFoundException.class, () -> events.listTargetsByRule(b -> b.rule("no-such-rule")));
        assertThrows(ResourceNotFoundException.class, () -> events.enableRule(b -> b.name("no-such-rule")));

        events.putRule(b -> b.name("target-errors").eventPattern("{\"source\":[\"t\"]}"));
        EventBridgeException fifo = assertThrows(EventBridgeException.class, () -> events.putTargets(b -> b.rule("target-errors")
                .targets(Target.builder().id("q").arn("arn:aws:sqs:us-east-1:000000000000:jobs.fifo").build())));
        assertEquals("Parameter(s) SqsParameters must be specified for target: q.", fifo.awsErrorDetails().errorMessage());
        EventBridgeException two = assertThrows(EventBridgeException.class, () -> events.putTargets(b -> b.rule("target-errors")
                .targets(Target.builder().id("x").arn(FN).input("{}").inputPath("$.detail").build())));
        assertEquals("ValidationException", two.awsErrorDetails().errorCode());
        EventBridgeException badArn = assertThrows(EventBridgeException.class, () -> events.putTargets(b -> b.rule("target-errors")
                .targets(Target.builder().id("x").arn("not-an-arn").build())));
        assertEquals("Parameter not-an-arn is not valid. Reason: Provided Arn is not in correct format.", badArn.awsErrorDetails().errorMessage());
        for (int i = 0; i < 5; i++) {
            int n = i;
            events.putTargets(b -> b.rule("target-errors").targets(Target.builder().id("t" + n).arn(FN).build()));
        }
        assertThrows(LimitExceededException.class, () -> events.putTargets(b -> b.rule("target-errors")
                .targets(Target.builder().id("t5").arn(FN).build())));
    }

    @Test
    void tagsOnRulesAndBuses(EventBridgeClient events) {
        String rule = events.putRule(b -> b.name("tagged").scheduleExpression("rate(1 day)")
                .tags(Tag.builder().key("team").value("a").build())).ruleArn();
        events.tagResource(b -> b.resourceARN(rule).tags(Tag.builder().key("env").value("dev").build()));
        assertEquals(Map.of("team", "a", "env", "dev"), tags(events, rule));
        events.untagResource(b -> b.resourceARN(rule).tagKeys("team"));
        assertEquals(Map.of("env", "dev"), tags(events, rule));

        String bus = events.createEventBus(b -> b.name("tagged-bus").tags(Tag.builder().key("k").value("v").build())).eventBusArn();
        assertEquals(Map.of("k", "v"), tags(events, bus));
        assertThrows(ResourceNotFoundException.class, () -> events.listTagsForResource(b -> b.resourceARN(
                "arn:aws:events:us-east-1:000000000000:rule/nope")));
    }

    private static Map<String, String> tags(EventBridgeClient events, String arn) {
        return events.listTagsForResource(b -> b.resourceARN(arn)).tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    @Test
    void customEventBuses(EventBridgeClient events) {
        String arn = events.createEventBus(b -> b.name("orders").description("order events")).eventBusArn();
        assertEquals("arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/orders", arn);
        assertEquals("order events", events.describeEventBus(b -> b.name("orders")).description());
        assertEquals("arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/default", events.describeEventBus(b -> b.name("default")).arn());
        assertEquals("default", events.describeEventBus(b -> { }).name());
        assertTrue(events.listEventBuses(b -> { }).eventBuses().stream().anyMatch(x -> x.name().equals("default")));
        assertEquals(List.of("orders"), events.listEventBuses(b -> b.namePrefix("ord")).eventBuses().stream().map(x -> x.name()).toList());
        ResourceAlreadyExistsException exists = assertThrows(ResourceAlreadyExistsException.class, () -> events.createEventBus(b -> b.name("orders")));
        assertEquals("Event bus orders already exists.", exists.awsErrorDetails().errorMessage());

        String ruleArn = events.putRule(b -> b.name("placed").eventBusName("orders").eventPattern("{\"detail-type\":[\"placed\"]}")).ruleArn();
        assertEquals("arn:aws:events:us-east-1:" + ACCOUNT + ":rule/orders/placed", ruleArn);
        assertEquals("orders", events.describeRule(b -> b.name("placed").eventBusName(arn)).eventBusName());
        ResourceNotFoundException notOnDefault = assertThrows(ResourceNotFoundException.class, () -> events.describeRule(b -> b.name("placed")));
        assertEquals("Rule placed does not exist on EventBus default.", notOnDefault.awsErrorDetails().errorMessage());
        EventBridgeException schedule = assertThrows(EventBridgeException.class,
                () -> events.putRule(b -> b.name("tick").eventBusName("orders").scheduleExpression("rate(1 minute)")));
        assertEquals("ScheduleExpression is supported only on the default event bus.", schedule.awsErrorDetails().errorMessage());
        ResourceNotFoundException noBus = assertThrows(ResourceNotFoundException.class,
                () -> events.putRule(b -> b.name("x").eventBusName("nope").eventPattern("{\"a\":[1]}")));
        assertEquals("Event bus nope does not exist.", noBus.awsErrorDetails().errorMessage());

        EventBridgeException deleteDefault = assertThrows(EventBridgeException.class, () -> events.deleteEventBus(b -> b.name("default")));
        assertEquals("Cannot delete event bus default.", deleteDefault.awsErrorDetails().errorMessage());
        events.deleteEventBus(b -> b.name("orders"));
        assertThrows(ResourceNotFoundException.class, () -> events.describeEventBus(b -> b.name("orders")));
        assertFalse(events.listEventBuses(b -> { }).eventBuses().stream().anyMatch(x -> x.name().equals("orders")));
    }

    @Test
    void busDescriptionsAndPermissions(EventBridgeClient events) throws Exception {
        events.createEventBus(b -> b.name("shared"));
        assertEquals("for partners", events.updateEventBus(b -> b.name("shared").description("for partners")).description());
        assertEquals("for partners", events.describeEventBus(b -> b.name("shared")).description());

        events.putPermission(b -> b.eventBusName("shared").action("events:PutEvents").principal("111122223333").statementId("partner"));
        events.putPermission(b -> b.eventBusName("shared").action("events:PutEvents").principal("*").statementId("org")
                .condition(c -> c.type("StringEquals").key("aws:PrincipalOrgID").value("o-123")));
        var policy = new com.fasterxml.jackson.databind.ObjectMapper().readTree(events.describeEventBus(b -> b.name("shared")).policy());
        assertEquals("2012-10-17", policy.get("Version").asText());
        assertEquals(2, policy.get("Statement").size());
        assertEquals("arn:aws:iam::111122223333:root", policy.at("/Statement/0/Principal/AWS").asText());
        assertEquals("arn:aws:events:us-east-1:000000000000:event-bus/shared", policy.at("/Statement/0/Resource").asText());
        assertEquals("o-123", policy.at("/Statement/1/Condition/StringEquals/aws:PrincipalOrgID").asText());

        events.removePermission(b -> b.eventBusName("shared").statementId("partner"));
        assertEquals(1, new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                events.describeEventBus(b -> b.name("shared")).policy()).get("Statement").size());
        ResourceNotFoundException noStatement = assertThrows(ResourceNotFoundException.class,
                () -> events.removePermission(b -> b.eventBusName("shared").statementId("partner")));
        assertEquals("Statement with the provided id does not exist.", noStatement.awsErrorDetails().errorMessage());
        events.removePermission(b -> b.eventBusName("shared").removeAllPermissions(true));
        assertNull(events.describeEventBus(b -> b.name("shared")).policy());
        EventBridgeException badAction = assertThrows(EventBridgeException.class,
                () -> events.putPermission(b -> b.action("events:DeleteRule").principal("*").statementId("x")));
        assertEquals("ValidationException", badAction.awsErrorDetails().errorCode());

        // the default bus takes a policy too, and stays listed once
        events.putPermission(b -> b.action("events:PutEvents").principal("111122223333").statementId("d"));
        assertTrue(events.describeEventBus(b -> { }).policy().contains("\"Sid\":\"d\""));
        assertEquals(1, events.listEventBuses(b -> b.namePrefix("default")).eventBuses().size());
        events.removePermission(b -> b.statementId("d"));
    }

    @Test
    void aBusHoldsAtMostThreeHundredRules(EventBridgeClient events) {
        events.createEventBus(b -> b.name("crowded"));
        for (int i = 0; i < 300; i++) {
            int n = i;
            events.putRule(b -> b.name("r" + n).eventBusName("crowded").eventPattern("{\"source\":[\"x\"]}"));
        }
        LimitExceededException full = assertThrows(LimitExceededException.class,
                () -> events.putRule(b -> b.name("r300").eventBusName("crowded").eventPattern("{\"source\":[\"x\"]}")));
        assertEquals("The requested resource exceeds the maximum number allowed.", full.awsErrorDetails().errorMessage());
        // updating an existing rule is not a new one
        events.putRule(b -> b.name("r0").eventBusName("crowded").eventPattern("{\"source\":[\"y\"]}"));
        events.deleteEventBus(b -> b.name("crowded"));
    }

    @Test
    void unknownOperationsAnswerUnknownOperation(EventBridgeClient events) {
        EventBridgeException e = assertThrows(EventBridgeException.class, () -> events.listArchives(b -> { }));
        assertEquals("UnknownOperationException", e.awsErrorDetails().errorCode());
        assertEquals(400, e.statusCode());
    }
}
