package dev.cloudjar.services.lambda.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timestamped lines an invocation's log keeps for CloudWatch Logs. */
class InvocationLogLinesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T00:00:00Z"));

    @Test
    void eachLineCarriesTheTimeItWasFinished() {
        InvocationLog log = new InvocationLog("fn", null, clock, "2026/12/04/[$LATEST]abc");
        log.append("START RequestId: r Version: $LATEST\n");
        clock.advance(Duration.ofMillis(5));
        log.append("hel");
        clock.advance(Duration.ofMillis(5));
        log.append("lo\nsecond\nthird ");
        clock.advance(Duration.ofMillis(5));
        log.append("without newline");
        List<InvocationLog.TimedLine> lines = log.lines();
        assertEquals(List.of("START RequestId: r Version: $LATEST\n", "hello\n", "second\n", "third without newline"),
                lines.stream().map(InvocationLog.TimedLine::message).toList());
        long start = Instant.parse("2026-12-04T00:00:00Z").toEpochMilli();
        assertEquals(List.of(start, start + 10, start + 10, start + 15), lines.stream().map(InvocationLog.TimedLine::timestamp).toList());
        assertEquals("2026/12/04/[$LATEST]abc", log.logStreamName());
        assertEquals("START RequestId: r Version: $LATEST\nhello\nsecond\nthird without newline", log.text());
    }

    @Test
    void linesAreBoundedOldestFirstAndTheTwoArgumentLogKeepsNone() {
        InvocationLog log = new InvocationLog("fn", null, clock, "s");
        String line = "x".repeat(1023) + "\n";
        for (int i = 0; i < 600; i++) {
            log.append(i + line);
        }
        List<InvocationLog.TimedLine> lines = log.lines();
        long chars = lines.stream().mapToLong(l -> l.message().length()).sum();
        assertTrue(chars <= InvocationLog.MAX_CHARS, chars + " chars kept");
        assertTrue(lines.get(lines.size() - 1).message().startsWith("599x"), "the newest line is kept");
        assertTrue(!lines.get(0).message().startsWith("0x"), "the oldest went first");

        InvocationLog plain = new InvocationLog("fn", null);
        plain.append("a line\n");
        assertTrue(plain.lines().isEmpty());
        assertNull(plain.logStreamName());
    }
}
