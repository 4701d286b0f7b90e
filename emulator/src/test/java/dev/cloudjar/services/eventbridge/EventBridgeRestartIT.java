package dev.cloudjar.services.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.core.Scope;
import dev.cloudjar.testing.CloudJarExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.sqs.SqsClient;

/** With --data-dir, buses, rules, targets and schedules come back after a restart, and schedules fire again. */
class EventBridgeRestartIT {
    @Test
    void rulesAndSchedulesSurviveARestart(@TempDir Path dir) {
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(dir);
        try (CloudJar first = CloudJar.start(config);
             EventBridgeClient events = CloudJarExtension.client(EventBridgeClient.builder(), first).build();
             SchedulerClient scheduler = CloudJarExtension.client(SchedulerClient.builder(), first).build();
             SqsClient sqs = CloudJarExtension.client(SqsClient.builder(), first).build()) {
            String queue = EventBridgeEventsIT.queue(sqs, "after-restart");
            events.createEventBus(b -> b.name("kept"));
            events.putRule(b -> b.name("tick").scheduleExpression("rate(1 minute)").description("kept"));
            events.putTargets(b -> b.rule("tick").targets(Target.builder().id("q").arn(queue).input("{\"rule\":true}").build()));
            scheduler.createSchedule(b -> b.name("tock").scheduleExpression("rate(1 minute)")
                    .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                    .target(t -> t.arn(queue).roleArn("arn:aws:iam::000000000000:role/s").input("{\"schedule\":true}")));
        }
        try (CloudJar second = CloudJar.start(config);
             EventBridgeClient events = CloudJarExtension.client(EventBridgeClient.builder(), second).build();
             SchedulerClient scheduler = CloudJarExtension.client(SchedulerClient.builder(), second).build();
             SqsClient sqs = CloudJarExtension.client(SqsClient.builder(), second).build()) {
            assertEquals("kept", events.describeRule(b -> b.name("tick")).description());
            assertEquals("{\"rule\":true}", events.listTargetsByRule(b -> b.rule("tick")).targets().get(0).input());
            assertNotNull(events.describeEventBus(b -> b.name("kept")).arn());
            assertEquals("rate(1 minute)", scheduler.getSchedule(b -> b.name("tock")).scheduleExpression());
            assertNotNull(second.backend(EventBridgeBackend.class).nextFireTime(new Scope("000000000000", "us-east-1"), "tick", null));
            second.advanceClock(Duration.ofSeconds(61));
            assertEquals(java.util.List.of("{\"rule\":true}", "{\"schedule\":true}"),
                    EventBridgeScheduleIT.receive(second, sqs, "after-restart", 2).stream().map(m -> m.body()).sorted().toList());
        }
    }
}
