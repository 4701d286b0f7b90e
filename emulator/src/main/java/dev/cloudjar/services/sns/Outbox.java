package dev.cloudjar.services.sns;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.sns.envelope.SnsEnvelopes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where email, email-json, SMS and mobile-push messages go instead of the outside world: stored (so
 * {@code GET /_cloudjar/api/outbox} and a restart keep them), logged one line per message, and, when
 * {@code --smtp host:port} names a local SMTP server, relayed to it as mail.
 */
public final class Outbox implements SnsDeliveryTransport, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** Oldest messages are dropped beyond this many, so a chatty topic cannot fill the disk. */
    static final int CAPACITY = 10_000;

    private final ServiceContext ctx;
    private final PersistentMap<OutboxMessage> messages;
    private final SmtpRelay relay;
    /** Entries stored, counted here because a MapDB tree counts by walking its leaves. */
    private final AtomicLong count;

    Outbox(ServiceContext ctx) {
        this.ctx = ctx;
        this.messages = ctx.store().map("sns.outbox", OutboxMessage.class);
        this.relay = SmtpRelay.fromConfig(ctx.config().smtp(), ctx.events(), ctx.clock());
        this.count = new AtomicLong(messages.size());
    }

    @Override
    public void deliver(SnsDelivery d) {
        long sequence = ctx.ids().sequence();
        OutboxMessage message = new OutboxMessage(sequence, d.endpoint(), d.protocol(), d.subject(), d.body(),
                SnsEnvelopes.timestamp(ctx.clock().instant()), d.topicArn(), d.subscriptionArn(), d.messageId(),
                d.scope().account(), d.scope().region());
        messages.put(String.format("%020d", sequence), message);
        if (count.incrementAndGet() > CAPACITY) {
            trim();
        }
        LOG.info("sns {} to {}{}: {}", d.protocol(), d.endpoint(), d.subject() == null ? "" : " subject \"" + d.subject() + "\"",
                oneLine(d.body()));
        if (relay != null && d.protocol().startsWith("email")) {
            relay.send(message);
        }
    }

    private synchronized void trim() {
        long excess = messages.size() - CAPACITY;
        if (excess <= 0) {
            return;
        }
        List<String> oldest = new ArrayList<>();
        Iterator<String> keys = messages.keys(null, null).iterator();
        while (excess-- > 0 && keys.hasNext()) {
            oldest.add(keys.next());
        }
        oldest.forEach(messages::remove);
        count.set(messages.size());
    }

    private static String oneLine(String body) {
        String flat = body == null ? "" : body.replace('\n', ' ').replace('\r', ' ');
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }

    List<OutboxMessage> messages() {
        List<OutboxMessage> all = new ArrayList<>();
        for (Map.Entry<String, OutboxMessage> entry : messages.range(null, null)) {
            all.add(entry.getValue());
        }
        return all;
    }

    void clear() {
        messages.clear();
        count.set(0);
    }

    @Override
    public void close() {
        if (relay != null) {
            relay.close();
        }
    }
}
