package dev.cloudjar.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CloudJar's clock: another clock (the system's) plus an offset that only grows. Tests and workshops
 * move it forward ({@link #advance}) so that schedules, delays and timeouts come due without waiting;
 * whoever sleeps until a time on this clock registers with {@link #onAdvance} to be woken early.
 */
public final class AdjustableClock extends Clock {
    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public AdjustableClock(Clock base) {
        this.base = base;
    }

    /** Moves time forward; a negative or zero amount changes nothing (time never runs backwards). */
    public Instant advance(Duration amount) {
        if (amount.isNegative() || amount.isZero()) {
            return instant();
        }
        offsetMillis.addAndGet(amount.toMillis());
        for (Runnable listener : listeners) {
            listener.run();
        }
        return instant();
    }

    /** Calls the listener after every advance; closing the handle stops that. */
    public AutoCloseable onAdvance(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plusMillis(offsetMillis.get());
    }

    @Override
    public long millis() {
        return base.millis() + offsetMillis.get();
    }
}
