package dev.cloudjar.services.sns;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Arn;
import dev.cloudjar.core.PageToken;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.services.sns.envelope.EnvelopeMessage;
import dev.cloudjar.services.sns.envelope.SnsEnvelopes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Subscribe, the confirmation handshake, Unsubscribe, listings and subscription attributes.
 * HTTP(S) and email subscriptions stay pending until confirmed with their token (ConfirmSubscription
 * or a GET of the SubscribeURL); the others are confirmed at once.
 */
final class SnsSubscriptions {
    static final Set<String> PROTOCOLS = Set.of("http", "https", "email", "email-json", "sms", "sqs", "application",
            "lambda", "firehose");
    private static final Set<String> NEEDS_CONFIRMATION = Set.of("http", "https", "email", "email-json");
    private static final int PAGE_SIZE = 100;
    /** AWS's confirmation tokens are 288 hex digits. */
    private static final int TOKEN_BYTES = 144;

    private final ServiceContext ctx;
    private final SnsState state;
    private final SnsTransports transports;

    SnsSubscriptions(ServiceContext ctx, SnsState state, SnsTransports transports) {
        this.ctx = ctx;
        this.state = state;
        this.transports = transports;
    }

    String subscribe(Scope scope, SubscribeRequest request) {
        Arn topicArn = SnsBackend.topicArn(scope, request.topicArn());
        if (state.topic(topicArn) == null) {
            throw SnsErrors.topicNotFound();
        }
        String protocol = request.protocol();
        if (protocol == null || !PROTOCOLS.contains(protocol)) {
            throw SnsErrors.invalidParameter("Invalid parameter: Amazon SNS does not support this protocol string: " + protocol);
        }
        String endpoint = request.endpoint();
        validateEndpoint(protocol, endpoint, topicArn.toString());
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> requested = request.attributes() == null ? Map.of() : request.attributes();
        // scope first, so that the filter policy is checked against the scope it will have
        if (requested.containsKey("FilterPolicyScope")) {
            attributes.put("FilterPolicyScope", requested.get("FilterPolicyScope"));
        }
        attributes.putAll(requested);
        for (Map.Entry<String, String> entry : requested.entrySet()) {
            attributes.put(entry.getKey(), SubscriptionAttributes.validate(entry.getKey(), entry.getValue(),
                    topicArn.toString(), protocol, endpoint, attributes, true));
        }

        SubscriptionRecord created;
        ReentrantLock lock = state.lock(topicArn.toString());
        lock.lock();
        try {
            if (state.topic(topicArn) == null) {
                throw SnsErrors.topicNotFound();
            }
            for (SubscriptionRecord existing : state.subscriptionsOf(topicArn)) {
                if (existing.protocol().equals(protocol) && existing.endpoint().equals(endpoint)) {
                    for (Map.Entry<String, String> entry : attributes.entrySet()) {
                        if (!Objects.equals(existing.attributes().get(entry.getKey()), entry.getValue())) {
                            throw SnsErrors.invalidParameter("Invalid parameter: Attributes Reason: Subscription already exists with different attributes");
                        }
                    }
                    return shownArn(existing, request.returnSubscriptionArn());
                }
            }
            boolean pending = NEEDS_CONFIRMATION.contains(protocol);
            String arn = topicArn + ":" + ctx.ids().uuid();
            String token = pending ? ctx.ids().hex(TOKEN_BYTES) : null;
            created = new SubscriptionRecord(1, arn, topicArn.toString(), protocol, endpoint, scope.account(), pending,
                    !pending, attributes, token, ctx.clock().millis());
            state.subscriptions.put(SnsState.subscriptionKey(arn), created);
            if (token != null) {
                state.tokens.put(token, arn);
            }
            state.changed(topicArn.toString());
        } finally {
            lock.unlock();
        }
        if (created.pendingConfirmation()) {
            sendConfirmation(scope, created, request.emulatorEndpoint());
        }
        return shownArn(created, request.returnSubscriptionArn());
    }

    private static String shownArn(SubscriptionRecord subscription, boolean returnArn) {
        return subscription.pendingConfirmation() && !returnArn ? "pending confirmation" : subscription.arn();
    }

    private static void validateEndpoint(String protocol, String endpoint, String topicArn) {
        if (endpoint == null || endpoint.isEmpty()) {
            throw SnsErrors.invalidParameter("Invalid parameter: Endpoint");
        }
        switch (protocol) {
            case "http":
            case "https":
                if (!endpoint.startsWith(protocol + "://")) {
                    throw SnsErrors.invalidParameter("Invalid parameter: Endpoint must match the specified protocol");
                }
                break;
            case "sms":
                if (!PublishRules.isPhoneNumber(endpoint)) {
                    throw SnsErrors.invalidParameter("Invalid SMS endpoint: " + endpoint);
                }
                break;
            case "email":
            case "email-json":
                int at = endpoint.indexOf('@');
                if (at <= 0 || at == endpoint.length() - 1) {
                    throw SnsErrors.invalidParameter("Invalid parameter: Email address");
                }
                break;
            case "sqs":
                requireArn(endpoint, "SQS endpoint ARN");
                if (endpoint.endsWith(".fifo") && !topicArn.endsWith(".fifo")) {
                    throw SnsErrors.invalidParameter("Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics");
                }
                break;
            case "lambda":
                requireArn(endpoint, "Lambda endpoint ARN");
                break;
            case "firehose":
                requireArn(endpoint, "Firehose endpoint ARN");
                break;
            default:
                requireArn(endpoint, "Endpoint ARN");
        }
    }

    private static void requireArn(String endpoint, String what) {
        if (Arn.parseOrNull(endpoint) == null) {
            throw SnsErrors.invalidParameter("Invalid parameter: " + what);
        }
    }

    /** HTTP(S) endpoints get a SubscriptionConfirmation POST; email addresses a confirmation mail in the outbox. */
    private void sendConfirmation(Scope scope, SubscriptionRecord subscription, String emulatorEndpoint) {
        String base = SnsPublisher.baseUrl(ctx, emulatorEndpoint);
        String subscribeUrl = SnsEnvelopes.subscribeUrl(base, subscription.topicArn(), subscription.token());
        String messageId = ctx.ids().uuid();
        String body;
        String subject = null;
        if (subscription.protocol().equals("email")) {
            subject = "AWS Notification - Subscription Confirmation";
            body = SnsEnvelopes.confirmationEmailText(subscription.topicArn(), subscribeUrl);
        } else {
            body = SnsEnvelopes.envelope(new EnvelopeMessage("SubscriptionConfirmation", messageId, subscription.topicArn(),
                    null, SnsEnvelopes.confirmationMessage(subscription.topicArn()), ctx.clock().instant(), null,
                    SnsEnvelopes.signingCertUrl(scope.region()), null, subscription.token(), subscribeUrl, null));
            if (subscription.protocol().equals("email-json")) {
                subject = "AWS Notification - Subscription Confirmation";
            }
        }
        transports.deliver(new SnsDelivery(scope, subscription.topicArn(), subscription.arn(), subscription.protocol(),
                subscription.endpoint(), "SubscriptionConfirmation", messageId, subject, body, false, Map.of(), null, null, null));
    }

    String confirm(String topicArn, String token, String authenticateOnUnsubscribe) {
        Arn topic = Arn.parseOrNull(topicArn);
        if (topic == null) {
            throw SnsErrors.invalidParameter("Invalid parameter: Topic");
        }
        if (token == null || !isTokenShaped(token)) {
            throw SnsErrors.invalidParameter("Invalid token");
        }
        String subscriptionArn = state.tokens.get(token);
        SubscriptionRecord subscription = subscriptionArn == null ? null : state.subscription(subscriptionArn);
        if (subscription == null || !subscription.topicArn().equals(topicArn)) {
            throw SnsErrors.invalidParameter("Invalid parameter: Token");
        }
        if (!subscription.pendingConfirmation()) {
            return subscription.arn();
        }
        ReentrantLock lock = state.lock(subscription.topicArn());
        lock.lock();
        try {
            String key = SnsState.subscriptionKey(subscription.arn());
            SubscriptionRecord current = state.subscriptions.get(key);
            if (current == null) {
                throw SnsErrors.invalidParameter("Invalid parameter: Token");
            }
            if (current.pendingConfirmation()) {
                state.subscriptions.put(key, current.confirmed(true));
                state.changed(current.topicArn());
            }
            return current.arn();
        } finally {
            lock.unlock();
        }
    }

    /** AWS tells a token of the wrong form ("Invalid token") from an unknown one ("Invalid parameter: Token"). */
    private static boolean isTokenShaped(String token) {
        if (token.length() < 64) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (Character.digit(token.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    void unsubscribe(String subscriptionArn, String emulatorEndpoint) {
        if (subscriptionArn == null) {
            throw SnsErrors.invalidParameter("Invalid parameter: SubscriptionArn Reason: no value for required parameter");
        }
        Arn arn = Arn.parseOrNull(subscriptionArn);
        if (arn == null) {
            throw SnsErrors.malformedArn("SubscriptionArn", subscriptionArn);
        }
        String key = SnsState.subscriptionKey(subscriptionArn);
        if (key == null || !arn.resource().contains(":")) {
            throw SnsErrors.invalidParameter("Invalid parameter: SubscriptionId");
        }
        SubscriptionRecord subscription = state.subscriptions.get(key);
        if (subscription == null) {
            return; // AWS: unsubscribing twice succeeds
        }
        ReentrantLock lock = state.lock(subscription.topicArn());
        lock.lock();
        try {
            if (!state.subscriptions.remove(key)) {
                return;
            }
            if (subscription.token() != null) {
                state.tokens.remove(subscription.token());
            }
            state.changed(subscription.topicArn());
        } finally {
            lock.unlock();
        }
        if (subscription.protocol().startsWith("http") && !subscription.pendingConfirmation()) {
            sendUnsubscribeConfirmation(subscription, emulatorEndpoint);
        }
    }

    private void sendUnsubscribeConfirmation(SubscriptionRecord subscription, String emulatorEndpoint) {
        Arn topic = Arn.parseOrNull(subscription.topicArn());
        String token = ctx.ids().hex(TOKEN_BYTES);
        String messageId = ctx.ids().uuid();
        String subscribeUrl = SnsEnvelopes.subscribeUrl(SnsPublisher.baseUrl(ctx, emulatorEndpoint), subscription.topicArn(), token);
        String body = SnsEnvelopes.envelope(new EnvelopeMessage("UnsubscribeConfirmation", messageId, subscription.topicArn(),
                null, SnsEnvelopes.unsubscribeMessage(subscription.arn()), ctx.clock().instant(), null,
                SnsEnvelopes.signingCertUrl(topic.region()), null, token, subscribeUrl, null));
        transports.deliver(new SnsDelivery(topic.scope(), subscription.topicArn(), subscription.arn(), subscription.protocol(),
                subscription.endpoint(), "UnsubscribeConfirmation", messageId, null, body, false, Map.of(), null, null, null));
    }

    SnsPage<SubscriptionSummary> list(String prefix, String nextToken) {
        String from = prefix;
        if (nextToken != null && !nextToken.isEmpty()) {
            from = PageToken.decodeOrNull(nextToken);
            if (from == null || !from.startsWith(prefix)) {
                throw SnsErrors.invalidParameter("Invalid parameter: NextToken");
            }
        }
        List<SubscriptionSummary> page = new ArrayList<>();
        String next = null;
        for (Map.Entry<String, SubscriptionRecord> entry : state.subscriptions.range(from, KeyRanges.prefixEnd(prefix))) {
            if (page.size() == PAGE_SIZE) {
                next = PageToken.encode(entry.getKey());
                break;
            }
            SubscriptionRecord s = entry.getValue();
            page.add(new SubscriptionSummary(s.pendingConfirmation() ? "PendingConfirmation" : s.arn(), s.owner(),
                    s.protocol(), s.endpoint(), s.topicArn()));
        }
        return new SnsPage<>(page, next);
    }

    Map<String, String> attributes(String subscriptionArn) {
        return SubscriptionAttributes.render(require(subscriptionArn), Arn.parseOrNull(subscriptionArn).account());
    }

    void setAttribute(String subscriptionArn, String name, String value) {
        SubscriptionRecord subscription = require(subscriptionArn);
        ReentrantLock lock = state.lock(subscription.topicArn());
        lock.lock();
        try {
            String key = SnsState.subscriptionKey(subscriptionArn);
            SubscriptionRecord current = state.subscriptions.get(key);
            if (current == null) {
                throw SnsErrors.subscriptionNotFound();
            }
            Map<String, String> attributes = new LinkedHashMap<>(current.attributes());
            attributes.put(name, value == null ? "" : value);
            attributes.put(name, SubscriptionAttributes.validate(name, value, current.topicArn(), current.protocol(),
                    current.endpoint(), attributes, false));
            state.subscriptions.put(key, current.withAttributes(attributes));
            state.changed(current.topicArn());
        } finally {
            lock.unlock();
        }
    }

    private SubscriptionRecord require(String subscriptionArn) {
        if (subscriptionArn == null || Arn.parseOrNull(subscriptionArn) == null) {
            throw SnsErrors.malformedArn("SubscriptionArn", subscriptionArn);
        }
        SubscriptionRecord subscription = state.subscription(subscriptionArn);
        if (subscription == null) {
            throw SnsErrors.subscriptionNotFound();
        }
        return subscription;
    }
}
