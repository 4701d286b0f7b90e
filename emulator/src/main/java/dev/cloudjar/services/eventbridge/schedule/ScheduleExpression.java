package dev.cloudjar.services.eventbridge.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed schedule: {@code rate(1 minute)}, {@code cron(0/5 * * * ? *)} or (Scheduler only)
 * {@code at(2026-12-04T10:00:00)}. {@link #next} gives the first due time after a moment.
 */
public sealed interface ScheduleExpression {
    Pattern RATE = Pattern.compile("rate\\((\\d{1,9}) (minute|minutes|hour|hours|day|days)\\)");
    Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");

    /**
     * The first due time strictly after {@code after}; {@code anchor} is when the schedule started
     * (rates count from it), {@code zone} the zone cron and at() fields are read in. Null when none.
     */
    Instant next(Instant after, Instant anchor, ZoneId zone);

    /** {@code rate(n unit)}: every n units from the anchor. */
    record Rate(long amount, Duration period) implements ScheduleExpression {
        @Override
        public Instant next(Instant after, Instant anchor, ZoneId zone) {
            long periodMillis = period.toMillis();
            long elapsed = after.toEpochMilli() - anchor.toEpochMilli();
            long periods = elapsed < 0 ? 1 : elapsed / periodMillis + 1;
            return anchor.plusMillis(periods * periodMillis);
        }
    }

    /** {@code cron(...)}: every matching minute. */
    record Cron(CronExpression cron) implements ScheduleExpression {
        @Override
        public Instant next(Instant after, Instant anchor, ZoneId zone) {
            LocalDateTime next = cron.next(LocalDateTime.ofInstant(after, zone));
            return next == null ? null : next.atZone(zone).toInstant();
        }
    }

    /** {@code at(...)}: once. */
    record At(LocalDateTime time) implements ScheduleExpression {
        @Override
        public Instant next(Instant after, Instant anchor, ZoneId zone) {
            Instant due = time.atZone(zone).toInstant();
            return due.isAfter(after) ? due : null;
        }
    }

    /** An EventBridge rule's schedule: rate or cron; null when the text is not one AWS accepts. */
    static ScheduleExpression parseRuleOrNull(String text) {
        if (text == null) {
            return null;
        }
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            String unit = rate.group(2);
            // AWS insists on "1 minute" and "5 minutes"
            if (amount == 0 || (amount == 1) == unit.endsWith("s")) {
                return null;
            }
            Duration one = unit.startsWith("minute") ? Duration.ofMinutes(1) : unit.startsWith("hour") ? Duration.ofHours(1) : Duration.ofDays(1);
            return new Rate(amount, one.multipliedBy(amount));
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            try {
                return new Cron(CronExpression.parse(cron.group(1)));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** A Scheduler schedule: rate, cron or at(); null when invalid. */
    static ScheduleExpression parseScheduleOrNull(String text) {
        if (text == null) {
            return null;
        }
        Matcher at = AT.matcher(text);
        if (at.matches()) {
            try {
                return new At(LocalDateTime.parse(at.group(1)));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return parseRuleOrNull(text);
    }
}
