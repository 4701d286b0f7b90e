package dev.cloudjar.services.sns;

import dev.cloudjar.events.EventBus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs SNS messages to HTTP(S) subscribers as AWS does: {@code text/plain; charset=UTF-8} bodies,
 * the {@code x-amz-sns-*} headers and SNS's User-Agent. Sending is asynchronous (Publish does not wait
 * for a slow endpoint) and tracked on the event bus, so {@code awaitIdle} waits for it. A failed
 * attempt (no connection, or a status outside 2xx) is retried with exponential backoff; after the
 * last attempt the delivery goes to {@code giveUp} (the dead-letter queue).
 */
public final class HttpDeliveryTransport implements SnsDeliveryTransport, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDeliveryTransport.class);
    static final String USER_AGENT = "Amazon Simple Notification Service Agent";
    /** Attempts in all: the first plus three retries, as AWS's default HTTP retry policy. */
    static final int ATTEMPTS = 4;
    static final long FIRST_BACKOFF_MILLIS = 200;

    private final EventBus events;
    private final Consumer<SnsDelivery> giveUp;
    private final HttpClient client;
    private final ScheduledExecutorService retries;
    /** Deliveries not finished yet; closing the transport releases them so awaitIdle cannot hang on them. */
    private final Set<EventBus.Work> inFlight = ConcurrentHashMap.newKeySet();

    HttpDeliveryTransport(EventBus events, Consumer<SnsDelivery> giveUp) {
        this.events = events;
        this.giveUp = giveUp;
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cloudjar-sns-http");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void deliver(SnsDelivery delivery) {
        EventBus.Work work = events.track();
        inFlight.add(work);
        HttpRequest request;
        try {
            request = request(delivery);
        } catch (IllegalArgumentException e) {
            LOG.warn("sns cannot deliver to malformed http endpoint {}", delivery.endpoint());
            finish(work);
            return;
        }
        attempt(delivery, request, 1, work);
    }

    private void attempt(SnsDelivery delivery, HttpRequest request, int attempt, EventBus.Work work) {
        try {
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() >= 200 && response.statusCode() < 300) {
                    finish(work);
                    return;
                }
                String outcome = error != null ? error.toString() : "status " + response.statusCode();
                if (attempt >= ATTEMPTS) {
                    LOG.warn("sns gave up delivering {} {} to {} after {} attempts: {}", delivery.messageType(),
                            delivery.messageId(), delivery.endpoint(), attempt, outcome);
                    try {
                        if ("Notification".equals(delivery.messageType())) {
                            giveUp.accept(delivery);
                        }
                    } finally {
                        finish(work);
                    }
                    return;
                }
                long backoff = FIRST_BACKOFF_MILLIS << (attempt - 1);
                LOG.debug("sns delivery to {} failed ({}), retrying in {} ms", delivery.endpoint(), outcome, backoff);
                schedule(() -> attempt(delivery, request, attempt + 1, work), backoff, work);
            });
        } catch (RuntimeException e) {
            LOG.warn("sns could not send to {}: {}", delivery.endpoint(), e.toString());
            finish(work);
        }
    }

    private void schedule(Runnable task, long delayMillis, EventBus.Work work) {
        try {
            retries.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            finish(work);
        }
    }

    private static HttpRequest request(SnsDelivery d) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(d.endpoint()))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header("User-Agent", USER_AGENT)
                .header("x-amz-sns-message-type", d.messageType())
                .header("x-amz-sns-message-id", d.messageId())
                .POST(HttpRequest.BodyPublishers.ofString(d.body()));
        if (d.topicArn() != null) {
            builder.header("x-amz-sns-topic-arn", d.topicArn());
        }
        if (!"SubscriptionConfirmation".equals(d.messageType()) && d.subscriptionArn() != null) {
            builder.header("x-amz-sns-subscription-arn", d.subscriptionArn());
        }
        if (d.raw()) {
            builder.header("x-amz-sns-rawdelivery", "true");
        }
        return builder.build();
    }

    private void finish(EventBus.Work work) {
        inFlight.remove(work);
        work.close();
    }

    @Override
    public void close() {
        retries.shutdownNow();
        for (EventBus.Work work : inFlight) {
            finish(work);
        }
    }
}
