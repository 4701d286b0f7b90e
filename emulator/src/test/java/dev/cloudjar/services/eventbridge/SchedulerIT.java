package dev.cloudjar.services.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.core.Scope;
import dev.cloudjar.testing.CloudJarExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ValidationException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** EventBridge Scheduler through the SDK: schedules and groups, errors, and firing on the advanced clock. */
@ExtendWith(CloudJarExtension.class)
class SchedulerIT {
    private static final String ROLE = "arn:aws:iam::000000000000:role/scheduler";
    private static final Scope SCOPE = new Scope("000000000000", "us-east-1");

    @Test
    void createGetListUpdateDelete(SchedulerClient scheduler) {
        String arn = scheduler.createSchedule(b -> b.name("nightly").scheduleExpression("cron(0 2 * * ? *)")
                .scheduleExpressionTimezone("Europe/Berlin").description("backup")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.FLEXIBLE).maximumWindowInMinutes(15))
                .target(t -> t.arn("arn:aws:lambda:us-east-1:000000000000:function:backup").roleArn(ROLE).input("{\"full\":true}"))).scheduleArn();
        assertEquals("arn:aws:scheduler:us-east-1:000000000000:schedule/default/nightly", arn);
        GetScheduleResponse got = scheduler.getSchedule(b -> b.name("nightly"));
        assertEquals(arn, got.arn());
        assertEquals("default", got.groupName());
        assertEquals("cron(0 2 * * ? *)", got.scheduleExpression());
        assertEquals("Europe/Berlin", got.scheduleExpressionTimezone());
        assertEquals(ScheduleState.ENABLED, got.state());
        assertEquals(FlexibleTimeWindowMode.FLEXIBLE, got.flexibleTimeWindow().mode());
        assertEquals(15, got.flexibleTimeWindow().maximumWindowInMinutes());
        assertEquals("{\"full\":true}", got.target().input());
        assertEquals(ROLE, got.target().roleArn());
        assertEquals(ActionAfterCompletion.NONE, got.actionAfterCompletion());
        assertNotNull(got.creationDate());

        scheduler.updateSchedule(b -> b.name("nightly").scheduleExpression("rate(12 hours)").state(ScheduleState.DISABLED)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:lambda:us-east-1:000000000000:function:backup").roleArn(ROLE)));
        got = scheduler.getSchedule(b -> b.name("nightly"));
        assertEquals("rate(12 hours)", got.scheduleExpression());
        assertEquals(ScheduleState.DISABLED, got.state());
        assertNull(got.target().input());

        assertTrue(scheduler.listSchedules(b -> { }).schedules().stream().anyMatch(s -> s.name().equals("nightly")));
        assertEquals(List.of("nightly"), scheduler.listSchedules(b -> b.namePrefix("night").state(ScheduleState.DISABLED)).schedules()
                .stream().map(s -> s.name()).toList());
        scheduler.deleteSchedule(b -> b.name("nightly"));
        ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class, () -> scheduler.getSchedule(b -> b.name("nightly")));
        assertEquals("Schedule nightly does not exist.", gone.awsErrorDetails().errorMessage());
        assertThrows(ResourceNotFoundException.class, () -> scheduler.deleteSchedule(b -> b.name("nightly")));
    }

    @Test
    void errors(SchedulerClient scheduler) {
        scheduler.createSchedule(b -> b.name("dup").scheduleExpression("rate(1 hour)").flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:sqs:us-east-1:000000000000:q").roleArn(ROLE)));
        ConflictException dup = assertThrows(ConflictException.class, () -> scheduler.createSchedule(b -> b.name("dup")
                .scheduleExpression("rate(1 hour)").flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:sqs:us-east-1:000000000000:q").roleArn(ROLE))));
        assertEquals("Schedule dup already exists.", dup.awsErrorDetails().errorMessage());
        for (String bad : List.of("rate(1 minutes)", "cron(0 2 * * * *)", "at(2026-13-01T00:00:00)", "every day")) {
            assertThrows(ValidationException.class, () -> scheduler.createSchedule(b -> b.name("bad").scheduleExpression(bad)
                    .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                    .target(t -> t.arn("arn:aws:sqs:us-east-1:000000000000:q").roleArn(ROLE))), bad);
        }
        assertThrows(ValidationException.class, () -> scheduler.createSchedule(b -> b.name("flex").scheduleExpression("rate(1 hour)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.FLEXIBLE))
                .target(t -> t.arn("arn:aws:sqs:us-east-1:000000000000:q").roleArn(ROLE))));
        assertThrows(ValidationException.class, () -> scheduler.createSchedule(b -> b.name("zone").scheduleExpression("rate(1 hour)")
                .scheduleExpressionTimezone("Mars/Olympus").flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:sqs:us-east-1:000000000000:q").roleArn(ROLE))));
        ResourceNotFoundException noGroup = assertThrows(ResourceNotFoundException.class, () -> scheduler.createSchedule(b -> b.name("g")
                .groupName("nope").scheduleExpression("rate(1 hour)").flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:sqs:us-east-1:000000000000:q").roleArn(ROLE))));
        assertEquals("Schedule group nope does not exist.", noGroup.awsErrorDetails().errorMessage());
    }

    @Test
    void groupsHoldSchedulesAndTags(SchedulerClient scheduler) {
        String arn = scheduler.createScheduleGroup(b -> b.name("reports").tags(t -> t.key("team").value("bi"))).scheduleGroupArn();
        assertEquals("arn:aws:scheduler:us-east-1:000000000000:schedule-group/reports", arn);
        assertThrows(ConflictException.class, () -> scheduler.createScheduleGroup(b -> b.name("reports")));
        assertEquals("ACTIVE", scheduler.getScheduleGroup(b -> b.name("reports")).stateAsString());
        assertEquals(List.of("default", "reports"), scheduler.listScheduleGroups(b -> { }).scheduleGroups().stream().map(g -> g.name()).toList());
        assertEquals("bi", scheduler.listTagsForResource(b -> b.resourceArn(arn)).tags().get(0).value());
        scheduler.tagResource(b -> b.resourceArn(arn).tags(t -> t.key("env").value("dev")));
        scheduler.untagResource(b -> b.resourceArn(arn).tagKeys("team"));
        assertEquals(List.of("env"), scheduler.listTagsForResource(b -> b.resourceArn(arn)).tags().stream().map(t -> t.key()).toList());

        scheduler.createSchedule(b -> b.name("weekly").groupName("reports").scheduleExpression("cron(0 8 ? * MON *)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:sqs:us-east-1:000000000000:q").roleArn(ROLE)));
        assertEquals("arn:aws:scheduler:us-east-1:000000000000:schedule/reports/weekly",
                scheduler.getSchedule(b -> b.name("weekly").groupName("reports")).arn());
        assertThrows(ResourceNotFoundException.class, () -> scheduler.getSchedule(b -> b.name("weekly")));
        assertEquals(List.of("weekly"), scheduler.listSchedules(b -> b.groupName("reports")).schedules().stream().map(s -> s.name()).toList());
        scheduler.deleteScheduleGroup(b -> b.name("reports"));
        assertThrows(ResourceNotFoundException.class, () -> scheduler.getSchedule(b -> b.name("weekly").groupName("reports")));
        assertThrows(ValidationException.class, () -> scheduler.deleteScheduleGroup(b -> b.name("default")));
    }

    @Test
    void schedulesFireOnTheAdvancedClockWithTheirInput(CloudJar cloudJar, SchedulerClient scheduler, SqsClient sqs) {
        String queue = EventBridgeEventsIT.queue(sqs, "scheduled");
        scheduler.createSchedule(b -> b.name("every-minute").scheduleExpression("rate(1 minute)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(queue).roleArn(ROLE).input("{\"job\":\"sync\"}")));
        // a one-time schedule in Tokyo time that deletes itself once done
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        LocalDateTime at = LocalDateTime.ofInstant(cloudJar.context().clock().instant().plus(Duration.ofMinutes(3)), tokyo)
                .truncatedTo(ChronoUnit.SECONDS);
        scheduler.createSchedule(b -> b.name("once").scheduleExpression("at(" + at.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + ")")
                .scheduleExpressionTimezone("Asia/Tokyo").actionAfterCompletion(ActionAfterCompletion.DELETE)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(queue).roleArn(ROLE).input("\"once\"")));
        Instant onceDue = cloudJar.backend(SchedulerBackend.class).nextFireTime(SCOPE, "once", null);
        assertEquals(at.atZone(tokyo).toInstant(), onceDue);

        cloudJar.advanceClock(Duration.ofSeconds(61));
        List<Message> first = EventBridgeScheduleIT.receive(cloudJar, sqs, "scheduled", 1);
        assertEquals(List.of("{\"job\":\"sync\"}"), first.stream().map(Message::body).toList());

        cloudJar.advanceClock(Duration.between(cloudJar.context().clock().instant(), onceDue).plusSeconds(1));
        List<String> bodies = EventBridgeScheduleIT.receive(cloudJar, sqs, "scheduled", 2).stream().map(Message::body).sorted().toList();
        assertEquals(List.of("\"once\"", "{\"job\":\"sync\"}"), bodies);
        cloudJar.awaitIdle(Duration.ofSeconds(5));
        assertThrows(ResourceNotFoundException.class, () -> scheduler.getSchedule(b -> b.name("once")));
        assertNotNull(scheduler.getSchedule(b -> b.name("every-minute")));
    }
}
