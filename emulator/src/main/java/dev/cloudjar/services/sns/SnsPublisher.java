package dev.cloudjar.services.sns;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.sns.envelope.EnvelopeMessage;
import dev.cloudjar.services.sns.envelope.SnsEnvelopes;
import dev.cloudjar.services.sns.filter.FilterPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Publish and PublishBatch: AWS's input checks, FIFO rules with 5-minute deduplication, and fan-out
 * to every confirmed subscription whose filter policy matches, with the body each protocol gets.
 */
final class SnsPublisher {
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String DEFAULT_EMAIL_SUBJECT = "AWS Notification Message";

    private final ServiceContext ctx;
    private final SnsState state;
    private final SnsTransports transports;
    /** FIFO topic + deduplication id -> the first publish's result, for 5 minutes of the injected clock. */
    private final Cache<String, PublishResult> deduplication;

    SnsPublisher(ServiceContext ctx, SnsState state, SnsTransports transports) {
        this.ctx = ctx;
        this.state = state;
        this.transports = transports;
        this.deduplication = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofMinutes(5))
                .ticker(() -> ctx.clock().millis() * 1_000_000L)
                .maximumSize(1_000_000)
                .build();
    }

    void clearDeduplication() {
        deduplication.invalidateAll();
    }

    /** CloudJar's base URL: as the caller addressed it, else from the configuration. */
    static String baseUrl(ServiceContext ctx, String emulatorEndpoint) {
        if (emulatorEndpoint != null && !emulatorEndpoint.isEmpty()) {
            return emulatorEndpoint;
        }
        return "http://" + ctx.config().host() + ":" + ctx.config().port();
    }

    PublishResult publish(Scope scope, PublishRequest r) {
        Map<String, SnsMessageAttribute> attributes = r.messageAttributes() == null ? Map.of() : r.messageAttributes();
        PublishRules.checkSubject(r.subject());
        PublishRules.checkMessage(r.message());
        if (r.phoneNumber() != null && !PublishRules.isPhoneNumber(r.phoneNumber())) {
            throw SnsErrors.invalidParameter("Invalid parameter: PhoneNumber Reason: " + r.phoneNumber() + " is not valid to publish to");
        }
        PublishRules.checkAttributes(attributes, 0);
        if (PublishRules.size(r.message(), attributes) > PublishRules.MAX_SIZE) {
            throw SnsErrors.invalidParameter("Invalid parameter: Message too long");
        }
        String target = r.topicArn() != null ? r.topicArn() : r.targetArn();
        if (target == null && r.phoneNumber() == null) {
            throw SnsErrors.invalidParameter("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        }
        Map<String, String> structured = "json".equals(r.messageStructure())
                ? PublishRules.perProtocolMessages(r.message(), true) : null;
        if (target == null) {
            return publishToPhone(scope, r, structured);
        }
        Arn topicArn = SnsBackend.topicArn(scope, target);
        if (r.topicArn() == null && topicArn.resource().startsWith("endpoint/")) {
            throw SnsErrors.invalidParameter("Invalid parameter: TargetArn Reason: No endpoint found for the target arn specified");
        }
        TopicRecord topic = topicArn.service().equals("sns") ? state.topic(topicArn) : null;
        boolean fifoName = topicArn.resource().endsWith(".fifo");
        checkFifo(fifoName, topic, r.messageGroupId(), r.messageDeduplicationId());
        if (topic == null) {
            throw SnsErrors.topicNotFound();
        }
        Message message = new Message(ctx.ids().uuid(), r.message(), structured, r.subject(), attributes,
                r.messageGroupId(), null, null, ctx.clock().instant());
        return dispatch(scope, topic, topicArn, message, r.messageDeduplicationId(), baseUrl(ctx, r.emulatorEndpoint()));
    }

    private static void checkFifo(boolean fifo, TopicRecord topic, String groupId, String deduplicationId) {
        if (fifo) {
            if (groupId == null || groupId.isEmpty()) {
                throw SnsErrors.invalidParameter("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
            }
            if (topic != null && !topic.contentBasedDeduplication() && (deduplicationId == null || deduplicationId.isEmpty())) {
                throw SnsErrors.invalidParameter("Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
            }
        } else if (deduplicationId != null) {
            throw SnsErrors.invalidParameter("Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type");
        }
    }

    private PublishResult publishToPhone(Scope scope, PublishRequest r, Map<String, String> structured) {
        String messageId = ctx.ids().uuid();
        String text = structured == null ? r.message() : structured.getOrDefault("sms", structured.get("default"));
        transports.deliver(new SnsDelivery(scope, null, null, "sms", r.phoneNumber(), "Notification", messageId, null, text,
                true, Map.of(), null, null, null));
        return new PublishResult(messageId, null);
    }

    PublishBatchResult publishBatch(Scope scope, String topicArnText, List<PublishBatchEntry> entries, String emulatorEndpoint) {
        Arn topicArn = SnsBackend.topicArn(scope, topicArnText);
        if (entries == null || entries.isEmpty()) {
            throw new AwsException(400, "EmptyBatchRequest", "The batch request doesn't contain any entries.");
        }
        if (entries.size() > 10) {
            throw new AwsException(400, "TooManyEntriesInBatchRequest", "The batch request contains more entries than permissible.");
        }
        TopicRecord topic = topicArn.service().equals("sns") ? state.topic(topicArn) : null;
        if (topic == null) {
            throw SnsErrors.topicNotFound();
        }
        Set<String> ids = new HashSet<>();
        for (PublishBatchEntry entry : entries) {
            if (!ids.add(String.valueOf(entry.id()))) {
                throw new AwsException(400, "BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.");
            }
        }
        for (PublishBatchEntry entry : entries) {
            String id = entry.id() == null ? "" : entry.id();
            if (id.length() > 80) {
                throw new AwsException(400, "InvalidBatchEntryId", "The Id of a batch entry in the batch request is too long: " + id);
            }
            if (!BATCH_ID.matcher(id).matches()) {
                throw new AwsException(400, "InvalidBatchEntryId",
                        "The Id of a batch entry in the batch request contains an impermissible character: " + id);
            }
        }
        // AWS rejects the whole batch when an entry is malformed, so validate all before sending any
        int total = 0;
        List<Message> messages = new ArrayList<>(entries.size());
        int position = 0;
        for (PublishBatchEntry entry : entries) {
            position++;
            Map<String, SnsMessageAttribute> attributes = entry.messageAttributes() == null ? Map.of() : entry.messageAttributes();
            PublishRules.checkSubject(entry.subject());
            PublishRules.checkMessage(entry.message());
            PublishRules.checkAttributes(attributes, position);
            total += PublishRules.size(entry.message(), attributes);
            Map<String, String> structured = "json".equals(entry.messageStructure())
                    ? PublishRules.perProtocolMessages(entry.message(), true) : null;
            checkFifo(topic.fifo(), topic, entry.messageGroupId(), entry.messageDeduplicationId());
            messages.add(new Message(ctx.ids().uuid(), entry.message(), structured, entry.subject(), attributes,
                    entry.messageGroupId(), entry.id(), entry.messageDeduplicationId(), ctx.clock().instant()));
        }
        if (total > PublishRules.MAX_SIZE) {
            throw new AwsException(400, "BatchRequestTooLong", "The length of all the messages put together is more than the limit.");
        }
        String base = baseUrl(ctx, emulatorEndpoint);
        List<PublishBatchResult.Success> successful = new ArrayList<>();
        for (Message message : messages) {
            PublishResult result = dispatch(scope, topic, topicArn, message, message.deduplicationId(), base);
            successful.add(new PublishBatchResult.Success(message.batchId(), result.messageId(), result.sequenceNumber()));
        }
        return new PublishBatchResult(successful, List.of());
    }

    /** Assigns FIFO sequence and deduplication, then hands one delivery per matching subscription to its transport. */
    private PublishResult dispatch(Scope scope, TopicRecord topic, Arn topicArn, Message message, String deduplicationId, String base) {
        String sequenceNumber = null;
        String dedup = null;
        if (topic.fifo()) {
            dedup = deduplicationId != null && !deduplicationId.isEmpty() ? deduplicationId : sha256(message.text());
            String key = topic.arn() + '\u0000' + ("MessageGroup".equals(topic.attributes().get("FifoThroughputScope"))
                    ? message.groupId() + '\u0000' : "") + dedup;
            PublishResult fresh = new PublishResult(message.id(), "1" + String.format("%019d", ctx.ids().sequence()));
            PublishResult first = deduplication.asMap().putIfAbsent(key, fresh);
            if (first != null) {
                return first; // a duplicate within 5 minutes: accepted, not delivered again
            }
            sequenceNumber = fresh.sequenceNumber();
        }
        List<SnsState.Active> targets = state.activeSubscriptions(topicArn);
        for (SnsState.Active target : targets) {
            SubscriptionRecord subscription = target.subscription();
            String text = message.textFor(structureKey(subscription));
            if (!matches(target.filter(), message, text)) {
                continue;
            }
            transports.deliver(delivery(scope, subscription, message, text, sequenceNumber, dedup, base));
        }
        return new PublishResult(message.id(), sequenceNumber);
    }

    private static boolean matches(FilterPolicy filter, Message message, String text) {
        if (filter == null || filter.isEmpty()) {
            return true;
        }
        if (filter.bodyScope()) {
            return filter.matchesBody(text);
        }
        Map<String, FilterPolicy.Attribute> attributes = new LinkedHashMap<>();
        message.attributes().forEach((name, a) -> attributes.put(name, new FilterPolicy.Attribute(a.dataType(), a.isBinary() ? null : a.stringValue())));
        return filter.matchesAttributes(attributes);
    }

    private SnsDelivery delivery(Scope scope, SubscriptionRecord subscription, Message message, String text,
                                 String sequenceNumber, String dedup, String base) {
        String protocol = subscription.protocol();
        String unsubscribeUrl = SnsEnvelopes.unsubscribeUrl(base, subscription.arn());
        boolean raw = subscription.rawMessageDelivery();
        String subject = message.subject();
        String body;
        switch (protocol) {
            case "lambda":
                body = SnsEnvelopes.lambdaEvent(envelope(scope, subscription, message, text, unsubscribeUrl, null), subscription.arn());
                break;
            case "email":
                body = SnsEnvelopes.emailText(text, unsubscribeUrl);
                subject = subject != null ? subject : DEFAULT_EMAIL_SUBJECT;
                break;
            case "sms":
            case "application":
                body = text;
                raw = true;
                subject = null; // text messages and push notifications have no subject line
                break;
            case "email-json":
                body = SnsEnvelopes.envelope(envelope(scope, subscription, message, text, unsubscribeUrl, sequenceNumber));
                subject = subject != null ? subject : DEFAULT_EMAIL_SUBJECT;
                break;
            default:
                body = raw ? text : SnsEnvelopes.envelope(envelope(scope, subscription, message, text, unsubscribeUrl, sequenceNumber));
        }
        return new SnsDelivery(scope, subscription.topicArn(), subscription.arn(), protocol, subscription.endpoint(),
                "Notification", message.id(), subject, body, raw, raw ? message.attributes() : Map.of(),
                message.groupId(), dedup, SubscriptionAttributes.deadLetterTarget(subscription));
    }

    private static EnvelopeMessage envelope(Scope scope, SubscriptionRecord subscription, Message message, String text,
                                            String unsubscribeUrl, String sequenceNumber) {
        Map<String, EnvelopeMessage.Attribute> attributes = new LinkedHashMap<>();
        message.attributes().forEach((name, a) -> attributes.put(name, new EnvelopeMessage.Attribute(a.dataType(), a.displayValue())));
        return new EnvelopeMessage("Notification", message.id(), subscription.topicArn(), message.subject(), text,
                message.timestamp(), unsubscribeUrl, SnsEnvelopes.signingCertUrl(scope.region()), attributes, null, null,
                sequenceNumber);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The json MessageStructure key a subscription reads: its protocol, or for a mobile endpoint its platform (GCM, APNS, ...). */
    private static String structureKey(SubscriptionRecord subscription) {
        if ("application".equals(subscription.protocol())) {
            String[] parts = subscription.endpoint().split(":", 6);
            if (parts.length == 6 && parts[5].startsWith("endpoint/")) {
                String[] path = parts[5].split("/");
                return path.length > 1 ? path[1] : "application";
            }
        }
        return subscription.protocol();
    }

    /** A message being published, with its per-protocol texts when MessageStructure is json. */
    private record Message(String id, String text, Map<String, String> structured, String subject,
                           Map<String, SnsMessageAttribute> attributes, String groupId, String batchId,
                           String deduplicationId, Instant timestamp) {
        String textFor(String protocol) {
            if (structured == null) {
                return text;
            }
            String specific = structured.get(protocol);
            return specific != null ? specific : structured.get("default");
        }
    }
}
