package dev.cloudjar.services.sns;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.PageToken;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Amazon SNS: topics, subscriptions, publishing with filter policies and per-protocol messages, and
 * fan-out to subscribers through {@link SnsDeliveryTransport}s (HTTP(S) and the email/SMS
 * {@link Outbox} are built in; sqs and lambda are registered by the composition root). Deliveries to
 * synchronous transports (SQS) finish before Publish returns, so an acknowledged Publish is never lost.
 *
 * <p>LIMITATIONS: message signatures have AWS's form but cannot be verified (no AWS certificate);
 * topic policies, KMS keys, data protection, archive/replay policies and delivery feedback roles are
 * stored and shown but not enforced; mobile push messages (to endpoints) and SMS/email messages go to the
 * outbox, nothing reaches a real device; endpoints are never disabled by a platform's feedback and
 * list operations of platform resources return one page; FIFO deduplication windows live in memory
 * and start empty after a restart; HTTP retries follow a short fixed backoff instead of the topic's
 * DeliveryPolicy; SubscriptionsDeleted is always 0; SMS attributes live in memory and the opt-out list
 * is always empty (no local number can reply STOP); no throttling or quotas beyond message size;
 * signatures are digests, not RSA signatures (see docs/decisions/0006-sns-delivery.md).
 */
public final class SnsBackend implements AutoCloseable {
    private static final int PAGE_SIZE = 100;
    private static final int MAX_TAGS = 50;

    private final ServiceContext ctx;
    private final SnsState state;
    private final Outbox outbox;
    private final HttpDeliveryTransport http;
    private final SnsTransports transports;
    private final SnsSubscriptions subscriptions;
    private final SnsPublisher publisher;
    private final SmsSettings sms = new SmsSettings();
    private final SmsSandbox sandbox;
    private final SnsPlatforms platforms;

    public SnsBackend(ServiceContext ctx) {
        this.ctx = ctx;
        this.state = new SnsState(ctx.store());
        this.outbox = new Outbox(ctx);
        this.transports = new SnsTransports((d, ok) -> ctx.events().publish(new dev.cloudjar.events.SnsDelivered(d.scope(),
                d.topicArn(), d.subscriptionArn(), d.protocol(), d.endpoint(), d.messageId(), d.subject(), d.body(), ok,
                ctx.clock().millis())));
        this.http = new HttpDeliveryTransport(ctx.events(), transports::deadLetter);
        transports.register("http", http);
        transports.register("https", http);
        for (String protocol : List.of("email", "email-json", "sms", "application")) {
            transports.register(protocol, outbox);
        }
        this.subscriptions = new SnsSubscriptions(ctx, state, transports);
        this.publisher = new SnsPublisher(ctx, state, transports);
        this.platforms = new SnsPlatforms(ctx, transports);
        this.sandbox = new SmsSandbox(ctx.ids(), transports);
    }

    /** The SMS sandbox's destination numbers. */
    public SmsSandbox smsSandbox() {
        return sandbox;
    }

    /** Sets the transport of a protocol ("sqs", "lambda", ...), replacing any earlier one. */
    public void registerTransport(String protocol, SnsDeliveryTransport transport) {
        transports.register(protocol, transport);
    }

    // ---------------------------------------------------------------- topics

    public String createTopic(Scope scope, String name, Map<String, String> attributes, List<SnsTag> tags) {
        Map<String, String> requested = attributes == null ? Map.of() : attributes;
        Map<String, String> stored = TopicAttributes.forCreate(name, requested);
        Map<String, String> tagMap = tagMap(tags == null ? List.of() : tags);
        String arn = Arn.of("sns", scope, name).toString();
        String key = SnsState.topicKey(scope, name);
        ReentrantLock lock = state.lock(arn);
        lock.lock();
        try {
            TopicRecord existing = state.topics.get(key);
            if (existing != null) {
                for (Map.Entry<String, String> entry : stored.entrySet()) {
                    if (!Objects.equals(existing.attributes().get(entry.getKey()), entry.getValue())) {
                        throw SnsErrors.invalidParameter("Invalid parameter: Attributes Reason: Topic already exists with different attributes");
                    }
                }
                for (Map.Entry<String, String> tag : tagMap.entrySet()) {
                    if (!Objects.equals(existing.tags().get(tag.getKey()), tag.getValue())) {
                        throw SnsErrors.invalidParameter("Invalid parameter: Tags Reason: Topic already exists with different tags");
                    }
                }
                return existing.arn();
            }
            state.topics.put(key, new TopicRecord(1, arn, name, stored, tagMap, ctx.clock().millis()));
            state.changed(arn);
            return arn;
        } finally {
            lock.unlock();
        }
    }

    public void deleteTopic(Scope scope, String topicArn) {
        Arn arn = topicArn(scope, topicArn);
        ReentrantLock lock = state.lock(arn.toString());
        lock.lock();
        try {
            // AWS answers DeleteTopic of a missing topic with success
            if (state.topics.remove(SnsState.topicKey(arn))) {
                for (SubscriptionRecord subscription : state.subscriptionsOf(arn)) {
                    state.subscriptions.remove(SnsState.subscriptionKey(subscription.arn()));
                    if (subscription.token() != null) {
                        state.tokens.remove(subscription.token());
                    }
                }
            }
            state.changed(arn.toString());
        } finally {
            lock.unlock();
        }
    }

    public SnsPage<String> listTopics(Scope scope, String nextToken) {
        String prefix = SnsState.scopePrefix(scope);
        String from = startKey(prefix, nextToken);
        List<String> page = new ArrayList<>();
        String next = null;
        for (Map.Entry<String, TopicRecord> entry : state.topics.range(from, KeyRanges.prefixEnd(prefix))) {
            if (page.size() == PAGE_SIZE) {
                next = PageToken.encode(entry.getKey());
                break;
            }
            page.add(entry.getValue().arn());
        }
        return new SnsPage<>(page, next);
    }

    public Map<String, String> getTopicAttributes(Scope scope, String topicArn) {
        Arn arn = topicArn(scope, topicArn);
        TopicRecord topic = requireTopic(arn);
        int confirmed = 0;
        int pending = 0;
        for (SubscriptionRecord subscription : state.subscriptionsOf(arn)) {
            if (subscription.pendingConfirmation()) {
                pending++;
            } else {
                confirmed++;
            }
        }
        return TopicAttributes.render(topic, arn.account(), confirmed, pending);
    }

    public void setTopicAttribute(Scope scope, String topicArn, String name, String value) {
        updateAttributes(topicArn(scope, topicArn), (topic, attributes) ->
                attributes.put(name, TopicAttributes.validate(name, value, topic.fifo())));
    }

    /** AddPermission: a statement named Label in the topic's Policy (the default policy to begin with). */
    public void addPermission(Scope scope, String topicArn, String label, List<String> accounts, List<String> actions) {
        Arn arn = topicArn(scope, topicArn);
        updateAttributes(arn, (topic, attributes) -> attributes.put("Policy",
                TopicPermissions.add(currentPolicy(topic, arn), topic.arn(), label, accounts, actions)));
    }

    public void removePermission(Scope scope, String topicArn, String label) {
        Arn arn = topicArn(scope, topicArn);
        updateAttributes(arn, (topic, attributes) -> attributes.put("Policy", TopicPermissions.remove(currentPolicy(topic, arn), label)));
    }

    public void putDataProtectionPolicy(Scope scope, String resourceArn, String policy) {
        setTopicAttribute(scope, resourceArn, "DataProtectionPolicy", policy);
    }

    /** The stored data protection policy, or "" when none was put (AWS answers an empty string). */
    public String getDataProtectionPolicy(Scope scope, String resourceArn) {
        return requireTopic(topicArn(scope, resourceArn)).attributes().getOrDefault("DataProtectionPolicy", "");
    }

    private static String currentPolicy(TopicRecord topic, Arn arn) {
        return TopicAttributes.render(topic, arn.account(), 0, 0).get("Policy");
    }

    private void updateAttributes(Arn arn, BiConsumer<TopicRecord, Map<String, String>> change) {
        ReentrantLock lock = state.lock(arn.toString());
        lock.lock();
        try {
            TopicRecord topic = requireTopic(arn);
            Map<String, String> attributes = new LinkedHashMap<>(topic.attributes());
            change.accept(topic, attributes);
            state.topics.put(SnsState.topicKey(arn), topic.withAttributes(attributes));
            state.changed(arn.toString());
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- mobile push

    public String createPlatformApplication(Scope scope, String name, String platform, Map<String, String> attributes) {
        return platforms.createApplication(scope, name, platform, attributes);
    }

    public Map<String, String> getPlatformApplicationAttributes(String arn) {
        return platforms.applicationAttributes(arn);
    }

    public void setPlatformApplicationAttributes(String arn, Map<String, String> attributes) {
        platforms.setApplicationAttributes(arn, attributes);
    }

    public List<String> listPlatformApplications(Scope scope) {
        return platforms.applications(scope);
    }

    public void deletePlatformApplication(String arn) {
        platforms.deleteApplication(arn);
    }

    public String createPlatformEndpoint(String applicationArn, String token, String customUserData, Map<String, String> attributes) {
        return platforms.createEndpoint(applicationArn, token, customUserData, attributes);
    }

    public Map<String, String> getEndpointAttributes(String arn) {
        return platforms.endpointAttributes(arn);
    }

    public void setEndpointAttributes(String arn, Map<String, String> attributes) {
        platforms.setEndpointAttributes(arn, attributes);
    }

    /** Endpoint ARN to its attributes, in ARN order. */
    public Map<String, Map<String, String>> listEndpointsByPlatformApplication(String applicationArn) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        platforms.endpoints(applicationArn).forEach(e -> out.put(e.arn(), e.attributes()));
        return out;
    }

    public void deleteEndpoint(String arn) {
        platforms.deleteEndpoint(arn);
    }

    // ---------------------------------------------------------------- SMS

    public void setSmsAttributes(Scope scope, Map<String, String> attributes) {
        sms.set(scope, attributes);
    }

    public Map<String, String> getSmsAttributes(Scope scope, List<String> names) {
        return sms.get(scope, names);
    }

    /** Always false: no local number can reply STOP. The number must still be E.164. */
    public boolean checkIfPhoneNumberIsOptedOut(Scope scope, String phoneNumber) {
        SmsSettings.checkPhoneNumber(phoneNumber);
        return false;
    }

    /** The opted-out numbers: none (see {@link #checkIfPhoneNumberIsOptedOut}). */
    public SnsPage<String> listPhoneNumbersOptedOut(Scope scope, String nextToken) {
        if (nextToken != null && !nextToken.isEmpty()) {
            throw SnsErrors.invalidParameter("Invalid parameter: NextToken");
        }
        return new SnsPage<>(List.of(), null);
    }

    public void optInPhoneNumber(Scope scope, String phoneNumber) {
        SmsSettings.checkPhoneNumber(phoneNumber);
    }

    // ---------------------------------------------------------------- tags

    public void tagResource(Scope scope, String resourceArn, List<SnsTag> tags) {
        Map<String, String> added = tagMap(tags);
        updateTags(scope, resourceArn, current -> {
            Map<String, String> merged = new LinkedHashMap<>(current);
            merged.putAll(added);
            if (merged.size() > MAX_TAGS) {
                throw new AwsException(400, "TagLimitExceeded",
                        "Could not complete request: tag quota of per resource exceeded");
            }
            return merged;
        });
    }

    public void untagResource(Scope scope, String resourceArn, List<String> keys) {
        updateTags(scope, resourceArn, current -> {
            Map<String, String> remaining = new LinkedHashMap<>(current);
            keys.forEach(remaining::remove);
            return remaining;
        });
    }

    public List<SnsTag> listTagsForResource(Scope scope, String resourceArn) {
        TopicRecord topic = taggedTopic(scope, resourceArn);
        List<SnsTag> tags = new ArrayList<>();
        topic.tags().forEach((k, v) -> tags.add(new SnsTag(k, v)));
        return tags;
    }

    private void updateTags(Scope scope, String resourceArn, UnaryOperator<Map<String, String>> change) {
        TopicRecord topic = taggedTopic(scope, resourceArn);
        ReentrantLock lock = state.lock(topic.arn());
        lock.lock();
        try {
            Arn arn = Arn.parseOrNull(topic.arn());
            TopicRecord current = state.topics.get(SnsState.topicKey(arn));
            if (current == null) {
                throw SnsErrors.resourceNotFound();
            }
            state.topics.put(SnsState.topicKey(arn), current.withTags(change.apply(current.tags())));
            state.changed(topic.arn());
        } finally {
            lock.unlock();
        }
    }

    private TopicRecord taggedTopic(Scope scope, String resourceArn) {
        Arn arn = Arn.parseOrNull(resourceArn);
        if (arn == null) {
            throw SnsErrors.malformedArn("ResourceArn", resourceArn);
        }
        TopicRecord topic = arn.service().equals("sns") ? state.topic(arn) : null;
        if (topic == null) {
            throw SnsErrors.resourceNotFound();
        }
        return topic;
    }

    private static Map<String, String> tagMap(List<SnsTag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        for (SnsTag tag : tags) {
            if (tag.key() == null || tag.key().isEmpty()) {
                throw SnsErrors.invalidParameter("Invalid parameter: Tags Reason: Tag key must not be empty");
            }
            if (map.put(tag.key(), tag.value() == null ? "" : tag.value()) != null) {
                throw SnsErrors.invalidParameter("Invalid parameter: Duplicated keys are not allowed.");
            }
        }
        if (map.size() > MAX_TAGS) {
            throw new AwsException(400, "TagLimitExceeded", "Could not complete request: tag quota of per resource exceeded");
        }
        return map;
    }

    // ---------------------------------------------------------------- subscriptions

    /** Returns the subscription ARN, or "pending confirmation" for an unconfirmed one unless asked for the ARN. */
    public String subscribe(Scope scope, SubscribeRequest request) {
        return subscriptions.subscribe(scope, request);
    }

    public String confirmSubscription(Scope scope, String topicArn, String token, String authenticateOnUnsubscribe) {
        return subscriptions.confirm(topicArn, token, authenticateOnUnsubscribe);
    }

    public void unsubscribe(Scope scope, String subscriptionArn, String emulatorEndpoint) {
        subscriptions.unsubscribe(subscriptionArn, emulatorEndpoint);
    }

    public SnsPage<SubscriptionSummary> listSubscriptions(Scope scope, String nextToken) {
        return subscriptions.list(SnsState.scopePrefix(scope), nextToken);
    }

    public SnsPage<SubscriptionSummary> listSubscriptionsByTopic(Scope scope, String topicArn, String nextToken) {
        Arn arn = topicArn(scope, topicArn);
        requireTopic(arn);
        return subscriptions.list(SnsState.topicSubscriptionsPrefix(arn), nextToken);
    }

    public Map<String, String> getSubscriptionAttributes(Scope scope, String subscriptionArn) {
        return subscriptions.attributes(subscriptionArn);
    }

    public void setSubscriptionAttribute(Scope scope, String subscriptionArn, String name, String value) {
        subscriptions.setAttribute(subscriptionArn, name, value);
    }

    // ---------------------------------------------------------------- publishing

    public PublishResult publish(Scope scope, PublishRequest request) {
        Arn target = request.topicArn() == null && request.targetArn() != null ? Arn.parseOrNull(request.targetArn()) : null;
        if (target != null && platforms.isEndpoint(target)) {
            PublishRules.checkMessage(request.message());
            return platforms.publish(scope, request.targetArn(), request.message(), request.messageStructure());
        }
        return publisher.publish(scope, request);
    }

    public PublishBatchResult publishBatch(Scope scope, String topicArn, List<PublishBatchEntry> entries, String emulatorEndpoint) {
        return publisher.publishBatch(scope, topicArn, entries, emulatorEndpoint);
    }

    // ---------------------------------------------------------------- outbox

    /** Every email, email-json, SMS and mobile message "sent", oldest first (GET /_cloudjar/api/outbox). */
    public List<OutboxMessage> outbox() {
        return outbox.messages();
    }

    public void clearOutbox() {
        outbox.clear();
    }

    /** Forgets derived in-memory views; call after the store was cleared underneath the backend. */
    public void reset() {
        state.clearCaches();
        publisher.clearDeduplication();
        sms.clear();
        sandbox.clear();
    }

    @Override
    public void close() {
        http.close();
        outbox.close();
    }

    // ---------------------------------------------------------------- shared checks

    /** Parses a TopicArn parameter with AWS's errors; a topic of another region is an invalid parameter. */
    static Arn topicArn(Scope scope, String text) {
        Arn arn = Arn.parseOrNull(text);
        if (arn == null) {
            throw SnsErrors.malformedArn("TopicArn", text);
        }
        if (!arn.region().equals(scope.region())) {
            throw SnsErrors.invalidParameter("Invalid parameter: TopicArn");
        }
        return arn;
    }

    private TopicRecord requireTopic(Arn arn) {
        TopicRecord topic = arn.service().equals("sns") ? state.topic(arn) : null;
        if (topic == null) {
            throw SnsErrors.topicNotFound();
        }
        return topic;
    }

    private String startKey(String prefix, String nextToken) {
        if (nextToken == null || nextToken.isEmpty()) {
            return prefix;
        }
        String key = PageToken.decodeOrNull(nextToken);
        if (key == null || !key.startsWith(prefix)) {
            throw SnsErrors.invalidParameter("Invalid parameter: NextToken");
        }
        return key;
    }
}
