package dev.cloudjar.services.eventbridge.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** AWS's six-field cron and rate expressions: what they accept, what they refuse, and when they fire. */
class CronExpressionTest {
    // a Friday
    private static final LocalDateTime FRI = LocalDateTime.parse("2026-12-04T10:17:30");

    private static LocalDateTime next(String fields, LocalDateTime after) {
        return CronExpression.parse(fields).next(after);
    }

    private static List<LocalDateTime> firings(String fields, LocalDateTime after, int count) {
        CronExpression cron = CronExpression.parse(fields);
        List<LocalDateTime> out = new ArrayList<>();
        LocalDateTime t = after;
        for (int i = 0; i < count; i++) {
            t = cron.next(t);
            out.add(t);
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0/5 * * * ? *        | 2026-12-04T10:20",
        "*/5 * * * ? *        | 2026-12-04T10:20",
        "* * * * ? *          | 2026-12-04T10:18",
        "15 10 * * ? *        | 2026-12-05T10:15",
        "0 12 * * ? *         | 2026-12-04T12:00",
        "0 18 ? * MON-FRI *   | 2026-12-04T18:00",
        "0 8 1 * ? *          | 2027-01-01T08:00",
        "0/15 * * * ? *       | 2026-12-04T10:30",
        "0/10 * ? * MON-FRI * | 2026-12-04T10:20",
        "0/5 8-17 ? * MON-FRI * | 2026-12-04T10:20",
        "0 9 ? * 2#1 *        | 2026-12-07T09:00",
        "0 9 ? * MON#1 *      | 2026-12-07T09:00",
        "0 0 L * ? *          | 2026-12-31T00:00",
        "0 0 LW * ? *         | 2026-12-31T00:00",
        "0 0 ? * 6L *         | 2026-12-25T00:00",
        "0 0 ? * L *          | 2026-12-05T00:00",
        "0 0 15W * ? *        | 2026-12-15T00:00",
        "0 0 ? * SAT-SUN *    | 2026-12-05T00:00",
        "0 0 ? * FRI-MON *    | 2026-12-05T00:00",
        "30 10 ? * 6 *        | 2026-12-04T10:30",
        "0 10 ? * 6 *         | 2026-12-11T10:00",
        "0 10 * JAN,JUL ? *   | 2027-01-01T10:00",
        "0 10 * jan ? *       | 2027-01-01T10:00",
        "0 0 29 2 ? *         | 2028-02-29T00:00",
        "0 0 1 1 ? 2030       | 2030-01-01T00:00",
        "0 0 1 1 ? 2030-2032/2 | 2030-01-01T00:00",
        "5,10,55 10 * * ? *   | 2026-12-04T10:55",
        "10-12 10 * * ? *     | 2026-12-05T10:10",
        "50-10 * * * ? *      | 2026-12-04T10:50",
        "0 22-2 * * ? *       | 2026-12-04T22:00",
        "17 10 * * ? *        | 2026-12-05T10:17",
        "18 10 * * ? *        | 2026-12-04T10:18",
        "5/20 * * * ? *       | 2026-12-04T10:25",
    })
    void nextFiring(String fields, String expected) {
        assertEquals(LocalDateTime.parse(expected), next(fields.trim(), FRI), fields);
    }

    @Test
    void everyFiveMinutesIsEveryFiveMinutes() {
        assertEquals(List.of(LocalDateTime.parse("2026-12-04T10:20"), LocalDateTime.parse("2026-12-04T10:25"),
                LocalDateTime.parse("2026-12-04T10:30")), firings("0/5 * * * ? *", FRI, 3));
    }

    @Test
    void stepWithinRangeAndAcrossMidnightAndYearEnd() {
        assertEquals(List.of(LocalDateTime.parse("2026-12-04T17:50"), LocalDateTime.parse("2026-12-07T08:00")),
                firings("0/10 8-17 ? * MON-FRI *", LocalDateTime.parse("2026-12-04T17:45"), 2));
        assertEquals(LocalDateTime.parse("2027-01-01T00:00"), next("0 0 * * ? *", LocalDateTime.parse("2026-12-31T23:59:59")));
    }

    @Test
    void nearestWeekdayNeverLeavesTheMonth() {
        // 2027-05-01 is a Saturday: 1W is Monday the 3rd, not April 30th
        assertEquals(LocalDateTime.parse("2027-05-03T00:00"), next("0 0 1W 5 ? *", LocalDateTime.parse("2027-04-01T00:00")));
        // 2027-01-31 is a Sunday: 31W is Friday the 29th
        assertEquals(LocalDateTime.parse("2027-01-29T00:00"), next("0 0 31W 1 ? *", LocalDateTime.parse("2027-01-01T00:00")));
        // 2026-11-15 is a Sunday: Monday the 16th
        assertEquals(LocalDateTime.parse("2026-11-16T00:00"), next("0 0 15W 11 ? *", LocalDateTime.parse("2026-11-01T00:00")));
        // 2027-02-13 is a Saturday: Friday the 12th
        assertEquals(LocalDateTime.parse("2027-02-12T00:00"), next("0 0 13W 2 ? *", LocalDateTime.parse("2027-02-01T00:00")));
    }

    @Test
    void lastDaysAndNthWeekdays() {
        assertEquals(LocalDateTime.parse("2027-02-28T00:00"), next("0 0 L 2 ? *", FRI));
        assertEquals(LocalDateTime.parse("2028-02-29T00:00"), next("0 0 L 2 ? 2028", FRI));
        // last weekday of January 2027 (31st is a Sunday) is Friday the 29th
        assertEquals(LocalDateTime.parse("2027-01-29T00:00"), next("0 0 LW 1 ? *", FRI));
        // the third Wednesday of December 2026 is the 16th; fifth Wednesday exists only in some months
        assertEquals(LocalDateTime.parse("2026-12-16T00:00"), next("0 0 ? * 4#3 *", FRI));
        assertEquals(LocalDateTime.parse("2026-12-30T00:00"), next("0 0 ? * WED#5 *", FRI));
        assertEquals(LocalDateTime.parse("2027-03-31T00:00"), next("0 0 ? * WED#5 *", LocalDateTime.parse("2026-12-31T00:00")));
        // last Monday of December 2026 is the 28th
        assertEquals(LocalDateTime.parse("2026-12-28T00:00"), next("0 0 ? * 2L *", FRI));
    }

    @Test
    void yearsBoundTheSchedule() {
        assertNull(next("0 0 1 1 ? 2020", FRI));
        assertNull(next("0 0 30 2 ? *", FRI));
        assertEquals(LocalDateTime.parse("2199-12-31T23:59"), next("59 23 31 12 ? 2199", FRI));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "* * * * * *",           // both day fields given
        "* * ? * ? *",           // both day fields ?
        "0 12 * *",              // four fields
        "0 12 * * ?",            // five fields
        "0 12 * * ? * *",        // seven fields
        "60 * * * ? *",
        "-1 * * * ? *",
        "* 24 * * ? *",
        "* * 0 * ? *",
        "* * 32 * ? *",
        "* * * 13 ? *",
        "* * * 0 ? *",
        "* * ? * 8 *",
        "* * ? * 0 *",
        "* * * * ? 1969",
        "* * * * ? 2200",
        "* * * FOO ? *",
        "* * ? * MOO *",
        "a * * * ? *",
        "0/0 * * * ? *",
        "1,,2 * * * ? *",
        "0/ * * * ? *",
        "/5 * * * ? *",
        "5- * * * ? *",
        "* * L * MON *",
        "* * ? * 2#6 *",
        "* * ? * 2#0 *",
        "* * 32W * ? *",
        "* * ? * 9L *",
        " 0 12 * * ? *",
        "? * * * ? *",
        "L * * * ? *",
    })
    void refusesWhatAwsRefuses(String fields) {
        assertNull(ScheduleExpression.parseRuleOrNull("cron(" + fields + ")"), fields);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(1 minute)", "rate(5 minutes)", "rate(1 hour)", "rate(12 hours)", "rate(1 day)", "rate(7 days)",
        "cron(0/5 * * * ? *)", "cron(0 18 ? * MON-FRI *)", "cron(0 10 * * ? *)", "cron(15 12 * * ? *)", "cron(0 8 1 * ? *)"})
    void acceptsWhatAwsAccepts(String text) {
        assertNotNull(ScheduleExpression.parseRuleOrNull(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "rate(1 hours)", "rate(2 day)",
        "rate(1 second)", "rate(10 seconds)", "rate(1 week)", "rate(-1 minutes)", "rate(1.5 minutes)", "rate(1  minute)",
        "rate(1minute)", "rate 1 minute", "Rate(1 minute)", "rate(minute)", "rate()", "cron()", "cron(0 12 * * ?)", "every minute",
        "", "at(2026-12-04T10:00:00)"})
    void refusesBadRates(String text) {
        assertNull(ScheduleExpression.parseRuleOrNull(text), text);
    }

    @Test
    void ratesCountFromTheAnchor() {
        ScheduleExpression rate = ScheduleExpression.parseRuleOrNull("rate(5 minutes)");
        assertInstanceOf(ScheduleExpression.Rate.class, rate);
        Instant anchor = Instant.parse("2026-12-04T10:00:00Z");
        assertEquals(Instant.parse("2026-12-04T10:05:00Z"), rate.next(anchor, anchor, ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-12-04T10:05:00Z"), rate.next(anchor.plusSeconds(299), anchor, ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-12-04T10:10:00Z"), rate.next(anchor.plusSeconds(300), anchor, ZoneOffset.UTC));
        assertEquals(Duration.ofHours(3), ((ScheduleExpression.Rate) ScheduleExpression.parseRuleOrNull("rate(3 hours)")).period());
    }

    @Test
    void cronAndAtInAZone() {
        ScheduleExpression cron = ScheduleExpression.parseScheduleOrNull("cron(0 9 * * ? *)");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals(Instant.parse("2026-12-05T08:00:00Z"), cron.next(Instant.parse("2026-12-04T10:00:00Z"), null, berlin));
        ScheduleExpression at = ScheduleExpression.parseScheduleOrNull("at(2026-12-24T18:00:00)");
        assertEquals(Instant.parse("2026-12-24T17:00:00Z"), at.next(Instant.parse("2026-12-04T10:00:00Z"), null, berlin));
        assertNull(at.next(Instant.parse("2026-12-25T00:00:00Z"), null, berlin));
        assertNull(ScheduleExpression.parseScheduleOrNull("at(2026-13-24T18:00:00)"));
        assertNull(ScheduleExpression.parseScheduleOrNull("at(2026-12-24 18:00:00)"));
    }
}
