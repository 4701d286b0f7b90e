package dev.cloudjar.services.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import dev.cloudjar.testing.RawHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Scheduled rules fire on CloudJar's clock: advancing it brings them due without waiting, the target
 * gets AWS's Scheduled Event (which binds to aws-lambda-java-events' ScheduledEvent), disabled rules
 * stay quiet, and the control API fires a rule now. Also measures how late a rule fires.
 */
@ExtendWith(CloudJarExtension.class)
class EventBridgeScheduleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path JAR = Path.of("../sample-functions/target/sample-functions.jar");

    @Test
    void aRateRuleInvokesAJavaFunctionWithAScheduledEvent(CloudJar cloudJar, EventBridgeClient events, LambdaClient lambda, SqsClient sqs)
            throws Exception {
        String results = EventBridgeEventsIT.queue(sqs, "schedule-results");
        byte[] jar = readJar();
        String fn = lambda.createFunction(b -> b.functionName("hello-schedule").runtime("java21")
                .role("arn:aws:iam::000000000000:role/lambda").handler("dev.cloudjar.samples.hello.HelloSchedule::handleRequest")
                .timeout(30).code(c -> c.zipFile(SdkBytes.fromByteArray(jar)))).functionArn();
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("hello-schedule").destinationConfig(d -> d.onSuccess(s -> s.destination(results))));
        String rule = events.putRule(b -> b.name("hello-every-minute").scheduleExpression("rate(1 minute)")).ruleArn();
        events.putTargets(b -> b.rule("hello-every-minute").targets(Target.builder().id("hello").arn(fn).build()));

        Instant due = cloudJar.backend(EventBridgeBackend.class).nextFireTime(
                new dev.cloudjar.core.Scope("000000000000", "us-east-1"), "hello-every-minute", null);
        assertNotNull(due);
        assertEquals(due.truncatedTo(ChronoUnit.SECONDS), due, "rate schedules fire on whole seconds");
        assertTrue(EventBridgeEventsIT.drain(cloudJar, sqs, "schedule-results").isEmpty(), "nothing fires before the minute is up");

        cloudJar.advanceClock(Duration.ofSeconds(61));
        List<Message> messages = receive(cloudJar, sqs, "schedule-results", 1);
        assertEquals(1, messages.size());
        JsonNode record = JSON.readTree(messages.get(0).body());
        JsonNode event = record.get("requestPayload");
        assertEquals("0", event.get("version").asText());
        assertEquals("Scheduled Event", event.get("detail-type").asText());
        assertEquals("aws.events", event.get("source").asText());
        assertEquals("000000000000", event.get("account").asText());
        assertEquals("us-east-1", event.get("region").asText());
        assertEquals(due.toString(), event.get("time").asText());
        assertEquals(rule, event.get("resources").get(0).asText());
        assertTrue(event.get("detail").isObject() && event.get("detail").isEmpty());
        assertEquals(36, event.get("id").asText().length());
        // the function saw the event bound to ScheduledEvent
        assertEquals("Hello World from aws.events (Scheduled Event) at " + due.toString().replace("Z", ".000Z") + " for [" + rule + "]",
                record.get("responsePayload").asText());

        // disabled: the next minute passes without a call; enabled again, the one after fires
        events.disableRule(b -> b.name("hello-every-minute"));
        cloudJar.advanceClock(Duration.ofSeconds(60));
        assertTrue(EventBridgeEventsIT.drain(cloudJar, sqs, "schedule-results").isEmpty());
        events.enableRule(b -> b.name("hello-every-minute"));
        cloudJar.advanceClock(Duration.ofSeconds(60));
        assertEquals(1, receive(cloudJar, sqs, "schedule-results", 1).size());
    }

    @Test
    void cronRulesFireOnTheirMinute(CloudJar cloudJar, EventBridgeClient events, SqsClient sqs) throws Exception {
        String arn = EventBridgeEventsIT.queue(sqs, "cron-ticks");
        events.putRule(b -> b.name("every-five").scheduleExpression("cron(0/5 * * * ? *)"));
        events.putTargets(b -> b.rule("every-five").targets(Target.builder().id("q").arn(arn).input("{\"tick\":true}").build()));
        Instant due = cloudJar.backend(EventBridgeBackend.class).nextFireTime(new dev.cloudjar.core.Scope("000000000000", "us-east-1"), "every-five", null);
        assertEquals(0, due.atZone(java.time.ZoneOffset.UTC).getMinute() % 5);
        assertEquals(0, due.atZone(java.time.ZoneOffset.UTC).getSecond());
        cloudJar.advanceClock(Duration.between(cloudJar.context().clock().instant(), due).plusMillis(10));
        List<Message> ticks = receive(cloudJar, sqs, "cron-ticks", 1);
        assertEquals(1, ticks.size());
        assertEquals("{\"tick\":true}", ticks.get(0).body());
    }

    @Test
    void theControlApiFiresARuleNow(CloudJar cloudJar, EventBridgeClient events, SqsClient sqs) throws Exception {
        String arn = EventBridgeEventsIT.queue(sqs, "fired");
        String rule = events.putRule(b -> b.name("daily-report").scheduleExpression("rate(1 day)")).ruleArn();
        events.putTargets(b -> b.rule("daily-report").targets(Target.builder().id("q").arn(arn).build()));
        RawHttp.Response response = new RawHttp(java.net.URI.create(cloudJar.endpoint())).send("POST", "/_cloudjar/events/rules/daily-report/fire", "{}", "Content-Type", "application/json");
        assertEquals(200, response.status(), response.body());
        assertEquals("{\"rule\":\"daily-report\",\"targets\":1}", response.body());
        List<Message> messages = receive(cloudJar, sqs, "fired", 1);
        JsonNode event = JSON.readTree(messages.get(0).body());
        assertEquals("Scheduled Event", event.get("detail-type").asText());
        assertEquals(rule, event.get("resources").get(0).asText());

        RawHttp.Response missing = new RawHttp(java.net.URI.create(cloudJar.endpoint())).send("POST", "/_cloudjar/events/rules/nope/fire", "{}", "Content-Type", "application/json");
        assertEquals(400, missing.status());
        assertTrue(missing.body().contains("Rule nope does not exist on EventBus default."), missing.body());
        RawHttp.Response form = new RawHttp(java.net.URI.create(cloudJar.endpoint())).send("POST", "/_cloudjar/events/rules/daily-report/fire", "{}", "Content-Type", "text/plain");
        assertEquals(415, form.status());
    }

    /** Lateness of a scheduled rule: from its due time to the moment its SQS target has the message. */
    @Test
    void scheduledRulesFireWithinAHundredMillisecondsOfTheirDueTime(CloudJar cloudJar, EventBridgeClient events, SqsClient sqs) throws Exception {
        String arn = EventBridgeEventsIT.queue(sqs, "lateness");
        events.putRule(b -> b.name("lateness").scheduleExpression("rate(1 minute)"));
        events.putTargets(b -> b.rule("lateness").targets(Target.builder().id("q").arn(arn).build()));
        dev.cloudjar.core.Scope scope = new dev.cloudjar.core.Scope("000000000000", "us-east-1");
        List<Long> lateness = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant due = cloudJar.backend(EventBridgeBackend.class).nextFireTime(scope, "lateness", null);
            // bring the due time to 250 ms from now, then let real time run into it
            cloudJar.advanceClock(Duration.between(cloudJar.context().clock().instant(), due).minusMillis(250));
            Message m = receive(cloudJar, sqs, "lateness", 1).get(0);
            long sent = Long.parseLong(m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP));
            lateness.add(sent - due.toEpochMilli());
        }
        Collections.sort(lateness);
        System.out.println("EventBridge schedule lateness ms (sorted, 10 firings): " + lateness);
        assertTrue(lateness.get(0) >= 0, "never early: " + lateness);
        assertTrue(lateness.get(lateness.size() / 2) < 100, "median within 100 ms: " + lateness);
    }

    static List<Message> receive(CloudJar cloudJar, SqsClient sqs, String queue, int count) {
        String url = EventBridgeEventsIT.url(sqs, queue);
        List<Message> all = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (all.size() < count && System.nanoTime() < deadline) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            for (Message m : batch) {
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
            all.addAll(batch);
        }
        return all;
    }

    static byte[] readJar() throws java.io.IOException {
        return Files.readAllBytes(JAR);
    }
}
