package dev.cloudjar.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.core.Arn;
import dev.cloudjar.services.sns.filter.FilterPolicy;
import dev.cloudjar.services.sns.filter.FilterPolicyException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settable subscription attributes: their validation (AWS words it differently for Subscribe,
 * "Invalid parameter: Attributes Reason: ...", and SetSubscriptionAttributes, "Invalid parameter:
 * ...") and how GetSubscriptionAttributes shows a subscription.
 */
final class SubscriptionAttributes {
    static final String SUBSCRIBE_PREFIX = "Invalid parameter: Attributes Reason: ";
    static final String SET_PREFIX = "Invalid parameter: ";
    static final Set<String> SETTABLE = Set.of("DeliveryPolicy", "FilterPolicy", "FilterPolicyScope",
            "RawMessageDelivery", "RedrivePolicy", "SubscriptionRoleArn", "ReplayPolicy");
    private static final Set<String> RAW_PROTOCOLS = Set.of("sqs", "http", "https", "firehose");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** What AWS shows as an HTTP(S) subscription's EffectiveDeliveryPolicy when none was set. */
    static final String DEFAULT_HTTP_DELIVERY_POLICY = "{\"healthyRetryPolicy\":{\"minDelayTarget\":20,\"maxDelayTarget\":20,"
            + "\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,"
            + "\"backoffFunction\":\"linear\"},\"sicklyRetryPolicy\":null,\"throttlePolicy\":null,"
            + "\"requestPolicy\":{\"headerContentType\":\"text/plain; charset=UTF-8\"},\"guaranteed\":false}";

    private SubscriptionAttributes() {
    }

    /**
     * Validates one attribute for a subscription and returns the value to store (RawMessageDelivery is
     * kept lower case). {@code current} holds the attributes as they will be after this change, so
     * FilterPolicy and FilterPolicyScope are checked against each other.
     */
    static String validate(String name, String value, String topicArn, String protocol, String endpoint,
                           Map<String, String> current, boolean subscribeCall) {
        String prefix = subscribeCall ? SUBSCRIBE_PREFIX : SET_PREFIX;
        if (name == null || !SETTABLE.contains(name)) {
            throw SnsErrors.invalidParameter(prefix + "AttributeName");
        }
        String v = value == null ? "" : value;
        switch (name) {
            case "RawMessageDelivery":
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    throw SnsErrors.invalidParameter(prefix + "RawMessageDelivery: Invalid value [" + v + "]. Must be true or false.");
                }
                if (!RAW_PROTOCOLS.contains(protocol) && v.equalsIgnoreCase("true")) {
                    throw SnsErrors.invalidParameter(prefix + "Delivery protocol [" + protocol + "] does not support raw message delivery.");
                }
                return v.toLowerCase(Locale.ROOT);
            case "FilterPolicyScope":
                if (!v.equals("MessageAttributes") && !v.equals("MessageBody")) {
                    throw SnsErrors.invalidParameter(prefix + "FilterPolicyScope: Invalid value [" + v
                            + "]. Please use either MessageBody or MessageAttributes");
                }
                String policy = current.get("FilterPolicy");
                if (policy != null && !policy.isEmpty()) {
                    parseFilter(policy, v.equals("MessageBody"), prefix);
                }
                return v;
            case "FilterPolicy":
                if (!v.isEmpty()) {
                    parseFilter(v, "MessageBody".equals(current.get("FilterPolicyScope")), prefix);
                }
                return v;
            case "RedrivePolicy":
                validateRedrivePolicy(v, topicArn, endpoint, prefix);
                return v;
            case "DeliveryPolicy":
            case "ReplayPolicy":
                if (!v.isEmpty() && !isJsonObject(v)) {
                    throw SnsErrors.invalidParameter(prefix + name + ": failed to parse JSON.");
                }
                return v;
            default:
                return v;
        }
    }

    private static FilterPolicy parseFilter(String json, boolean bodyScope, String prefix) {
        try {
            return FilterPolicy.parse(json, bodyScope, prefix);
        } catch (FilterPolicyException e) {
            throw SnsErrors.invalidParameter(e.getMessage());
        }
    }

    private static void validateRedrivePolicy(String value, String topicArn, String endpoint, String prefix) {
        JsonNode policy;
        try {
            policy = MAPPER.readTree(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw SnsErrors.invalidParameter(prefix + "RedrivePolicy: failed to parse JSON. " + e.getMessage());
        }
        if (policy == null || !policy.isObject()) {
            throw SnsErrors.invalidParameter(prefix + "RedrivePolicy: failed to parse JSON.");
        }
        JsonNode target = policy.get("deadLetterTargetArn");
        Arn dlq = target == null ? null : Arn.parseOrNull(target.asText());
        if (dlq == null) {
            throw SnsErrors.invalidParameter(prefix + "RedrivePolicy: deadLetterTargetArn is an invalid arn");
        }
        if (topicArn.endsWith(".fifo") && endpoint != null && endpoint.endsWith(".fifo")
                && (!dlq.resource().endsWith(".fifo") || !dlq.service().equals("sqs"))) {
            throw SnsErrors.invalidParameter(prefix + "RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.");
        }
    }

    /** The dead-letter queue ARN of a subscription, or null. */
    static String deadLetterTarget(SubscriptionRecord subscription) {
        String policy = subscription.attributes().get("RedrivePolicy");
        if (policy == null || policy.isEmpty()) {
            return null;
        }
        try {
            JsonNode target = MAPPER.readTree(policy).get("deadLetterTargetArn");
            return target == null ? null : target.asText();
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean isJsonObject(String value) {
        try {
            JsonNode node = MAPPER.readTree(value);
            return node != null && node.isObject();
        } catch (Exception e) {
            return false;
        }
    }

    /** The parsed filter policy of a stored subscription (validated when set), or null when it has none. */
    static FilterPolicy compiledFilter(SubscriptionRecord subscription) {
        String policy = subscription.attributes().get("FilterPolicy");
        if (policy == null || policy.isEmpty()) {
            return null;
        }
        boolean body = "MessageBody".equals(subscription.attributes().get("FilterPolicyScope"));
        try {
            return FilterPolicy.parse(policy, body, SET_PREFIX);
        } catch (FilterPolicyException e) {
            return null;
        }
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** GetSubscriptionAttributes: AWS's fixed attributes, then the ones the subscriber set. */
    static Map<String, String> render(SubscriptionRecord s, String topicOwner) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("ConfirmationWasAuthenticated", String.valueOf(s.confirmationWasAuthenticated()));
        out.put("PendingConfirmation", String.valueOf(s.pendingConfirmation()));
        out.put("Owner", s.owner());
        out.put("RawMessageDelivery", s.rawMessageDelivery() ? "true" : "false");
        out.put("TopicArn", s.topicArn());
        out.put("Endpoint", s.endpoint());
        out.put("Protocol", s.protocol());
        out.put("SubscriptionPrincipal", "arn:aws:iam::" + topicOwner + ":user/CloudJarSNSPrincipal");
        out.put("SubscriptionArn", s.arn());
        String policy = s.attributes().get("FilterPolicy");
        for (Map.Entry<String, String> entry : s.attributes().entrySet()) {
            String name = entry.getKey();
            if (name.equals("RawMessageDelivery") || entry.getValue() == null || entry.getValue().isEmpty()) {
                continue;
            }
            if (name.equals("FilterPolicyScope") && (policy == null || policy.isEmpty())) {
                continue;
            }
            out.put(name, entry.getValue());
        }
        if (policy != null && !policy.isEmpty() && !out.containsKey("FilterPolicyScope")) {
            out.put("FilterPolicyScope", "MessageAttributes");
        }
        if (s.protocol().startsWith("http")) {
            out.put("EffectiveDeliveryPolicy", nonEmpty(s.attributes().get("DeliveryPolicy"), DEFAULT_HTTP_DELIVERY_POLICY));
        }
        return out;
    }
}
