package dev.cloudjar.services.eventbridge.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.core.AdjustableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The runner fires what is due on the clock it is given, is woken by clock advances, and coalesces jumps. */
class ScheduleRunnerTest {
    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    private record Fired(String key, Instant due) {
    }

    @Test
    void advancingTheClockFiresDueSchedulesAtOnce() throws Exception {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(START, ZoneOffset.UTC));
        LinkedBlockingQueue<Fired> fired = new LinkedBlockingQueue<>();
        try (ScheduleRunner runner = new ScheduleRunner(clock, "test", (k, due) -> fired.add(new Fired(k, due)))) {
            runner.schedule("minute", ScheduleExpression.parseRuleOrNull("rate(1 minute)"), ZoneOffset.UTC, START);
            runner.schedule("five", ScheduleExpression.parseRuleOrNull("cron(0/5 * * * ? *)"), ZoneOffset.UTC, START);
            assertEquals(START.plusSeconds(60), runner.due("minute"));
            assertEquals(START.plusSeconds(300), runner.due("five"));
            assertNull(fired.poll(200, TimeUnit.MILLISECONDS), "the fixed clock has not moved");

            clock.advance(Duration.ofSeconds(60));
            assertEquals(new Fired("minute", START.plusSeconds(60)), fired.poll(5, TimeUnit.SECONDS));
            assertEquals(START.plusSeconds(120), runner.due("minute"));

            // a jump over four more minutes fires each schedule once, for its latest due time
            clock.advance(Duration.ofSeconds(250));
            List<Fired> jump = List.of(fired.poll(5, TimeUnit.SECONDS), fired.poll(5, TimeUnit.SECONDS));
            assertTrue(jump.contains(new Fired("minute", START.plusSeconds(300))), jump.toString());
            assertTrue(jump.contains(new Fired("five", START.plusSeconds(300))), jump.toString());
            assertNull(fired.poll(200, TimeUnit.MILLISECONDS));
            assertEquals(START.plusSeconds(360), runner.due("minute"));
            assertEquals(START.plusSeconds(600), runner.due("five"));

            runner.unschedule("minute");
            clock.advance(Duration.ofSeconds(300));
            assertEquals(new Fired("five", START.plusSeconds(600)), fired.poll(5, TimeUnit.SECONDS));
            assertNull(fired.poll(200, TimeUnit.MILLISECONDS));
            assertNull(runner.due("minute"));
        }
    }

    @Test
    void oneTimeSchedulesFireOnceAndAreGone() throws Exception {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(START, ZoneOffset.UTC));
        LinkedBlockingQueue<Fired> fired = new LinkedBlockingQueue<>();
        try (ScheduleRunner runner = new ScheduleRunner(clock, "test", (k, due) -> fired.add(new Fired(k, due)))) {
            runner.schedule("once", ScheduleExpression.parseScheduleOrNull("at(2026-12-04T10:30:00)"), ZoneOffset.UTC, START);
            runner.schedule("past", ScheduleExpression.parseScheduleOrNull("at(2026-12-04T09:00:00)"), ZoneOffset.UTC, START);
            assertNull(runner.due("past"), "a time already gone is never due");
            clock.advance(Duration.ofHours(1));
            assertEquals(new Fired("once", Instant.parse("2026-12-04T10:30:00Z")), fired.poll(5, TimeUnit.SECONDS));
            assertNull(runner.due("once"));
            clock.advance(Duration.ofDays(1));
            assertNull(fired.poll(200, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void onTheSystemClockASchedulerWakesOnTime() throws Exception {
        Clock system = Clock.systemUTC();
        LinkedBlockingQueue<Long> lateness = new LinkedBlockingQueue<>();
        try (ScheduleRunner runner = new ScheduleRunner(system, "test",
                (k, due) -> lateness.add(system.millis() - due.toEpochMilli()))) {
            Instant now = system.instant();
            // anchor so that the first due time is 300 ms away
            runner.schedule("soon", ScheduleExpression.parseRuleOrNull("rate(1 minute)"), ZoneOffset.UTC,
                    now.minusSeconds(60).plusMillis(300));
            Long late = lateness.poll(5, TimeUnit.SECONDS);
            assertTrue(late != null && late >= 0 && late < 100, "fired " + late + " ms after its due time");
        }
    }
}
