package dev.cloudjar.services.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.services.eventbridge.model.RuleRecord;
import dev.cloudjar.services.eventbridge.model.TargetRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Input, InputPath and InputTransformer as AWS's "Transforming target input" page shows them. */
class TargetInputTest {
    private static final String EVENT_TEXT = """
            {"version":"0","id":"7bf73129-1428-4cd3-a780-95db273d1602","detail-type":"EC2 Instance State-change Notification",
             "source":"aws.ec2","account":"123456789012","time":"2015-11-11T21:29:54Z","region":"us-east-1",
             "resources":["arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111"],
             "detail":{"instance-id":"i-0123456789","state":"RUNNING","count":3,"tags":{"a":"b"}}}""";
    private static final RuleRecord RULE = new RuleRecord("123456789012", "us-east-1", "default", "r", "arn:aws:events:us-east-1:123456789012:rule/r",
            "{}", null, "ENABLED", null, null, 0, Map.of(), List.of());

    private static String render(TargetRecord target) throws Exception {
        JsonNode event = TargetInput.MAPPER.readTree(EVENT_TEXT);
        return TargetInput.render(target, RULE, event, EVENT_TEXT);
    }

    private static TargetRecord transformer(Map<String, String> paths, String template) {
        return new TargetRecord("t", "arn:aws:sqs:us-east-1:123456789012:q", null, null, null, paths, template, null, null);
    }

    private static Map<String, String> paths() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("instance", "$.detail.instance-id");
        paths.put("status", "$.detail.state");
        paths.put("count", "$.detail.count");
        paths.put("tags", "$.detail.tags");
        paths.put("nothing", "$.detail.missing");
        return paths;
    }

    @Test
    void withoutInputTheTargetGetsTheEvent() throws Exception {
        assertEquals(EVENT_TEXT, render(new TargetRecord("t", "arn:a:b:c:d:e", null, null, null, null, null, null, null)));
    }

    @Test
    void inputIsSentAsGiven() throws Exception {
        assertEquals("{\"name\": \"CloudJar\"}", render(new TargetRecord("t", "arn:a:b:c:d:e", null, "{\"name\": \"CloudJar\"}", null, null, null, null, null)));
    }

    @Test
    void inputPathSelectsPartOfTheEvent() throws Exception {
        assertEquals("{\"instance-id\":\"i-0123456789\",\"state\":\"RUNNING\",\"count\":3,\"tags\":{\"a\":\"b\"}}",
                render(new TargetRecord("t", "arn:a:b:c:d:e", null, null, "$.detail", null, null, null, null)));
        assertEquals("\"RUNNING\"", render(new TargetRecord("t", "arn:a:b:c:d:e", null, null, "$.detail.state", null, null, null, null)));
        assertEquals("\"arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111\"",
                render(new TargetRecord("t", "arn:a:b:c:d:e", null, null, "$.resources[0]", null, null, null, null)));
        assertEquals("\"aws.ec2\"", render(new TargetRecord("t", "arn:a:b:c:d:e", null, null, "$['source']", null, null, null, null)));
    }

    @Test
    void variablesOutsideQuotesAreJsonValues() throws Exception {
        assertEquals("{\"instance\": \"i-0123456789\", \"state\": [9, \"RUNNING\", true], \"n\": 3, \"t\": {\"a\":\"b\"}, \"x\": null}",
                render(transformer(paths(), "{\"instance\": <instance>, \"state\": [9, <status>, true], \"n\": <count>, \"t\": <tags>, \"x\": <nothing>}")));
    }

    @Test
    void variablesInsideQuotesAreText() throws Exception {
        assertEquals("\"i-0123456789 is in state RUNNING\"", render(transformer(paths(), "\"<instance> is in state <status>\"")));
        assertEquals("{\"message\": \"i-0123456789 has 3 and {\\\"a\\\":\\\"b\\\"} and \"}",
                render(transformer(paths(), "{\"message\": \"<instance> has <count> and <tags> and <nothing>\"}")));
    }

    @Test
    void reservedVariablesAndUnknownOnes() throws Exception {
        assertEquals("\"r arn:aws:events:us-east-1:123456789012:rule/r 2015-11-11T21:29:54Z <unknown>\"",
                render(transformer(Map.of(), "\"<aws.events.rule-name> <aws.events.rule-arn> <aws.events.event.ingestion-time> <unknown>\"")));
        String whole = render(transformer(null, "{\"e\": <aws.events.event.json>}"));
        assertTrue(whole.startsWith("{\"e\": {\"version\":\"0\""), whole);
    }

    @Test
    void pathsOfTheSupportedSubset() throws Exception {
        assertTrue(TargetInput.validPath("$"));
        assertTrue(TargetInput.validPath("$.detail.instance-id"));
        assertTrue(TargetInput.validPath("$.resources[0]"));
        assertTrue(TargetInput.validPath("$['detail-type']"));
        assertFalse(TargetInput.validPath("detail.state"));
        assertFalse(TargetInput.validPath("$..state"));
        assertFalse(TargetInput.validPath("$.detail.*"));
        assertNull(TargetInput.select(TargetInput.MAPPER.readTree(EVENT_TEXT), "$.detail.nope.deeper"));
    }
}
