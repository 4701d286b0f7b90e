package dev.cloudjar.services.dynamodb.transactions;

import dev.cloudjar.core.AwsException;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ClientRequestToken idempotency for TransactWriteItems: a token seen within 10 minutes with the same
 * request returns the first result without writing again; with a different request it is an
 * IdempotentParameterMismatchException.
 */
public final class IdempotencyCache<R> {
    static final long WINDOW_MILLIS = 10 * 60 * 1000L;
    private final Clock clock;
    private final Map<String, Entry<R>> entries = new ConcurrentHashMap<>();

    private record Entry<R>(String fingerprint, R result, long expiresMillis) {
    }

    public IdempotencyCache(Clock clock) {
        this.clock = clock;
    }

    /** The earlier result for this token and request, or null when the token is new (or expired). */
    public R lookup(String token, String fingerprint) {
        if (token == null) {
            return null;
        }
        long now = clock.millis();
        Entry<R> e = entries.get(token);
        if (e == null || e.expiresMillis() < now) {
            return null;
        }
        if (!e.fingerprint().equals(fingerprint)) {
            throw new AwsException(400, "IdempotentParameterMismatchException",
                    "Request parameters do not match the previous request parameters with the same ClientRequestToken");
        }
        return e.result();
    }

    public void remember(String token, String fingerprint, R result) {
        if (token == null) {
            return;
        }
        long now = clock.millis();
        if (entries.size() > 10_000) {
            for (Iterator<Entry<R>> it = entries.values().iterator(); it.hasNext(); ) {
                if (it.next().expiresMillis() < now) {
                    it.remove();
                }
            }
        }
        entries.put(token, new Entry<>(fingerprint, result, now + WINDOW_MILLIS));
    }
}
