package dev.cloudjar.services.sqs.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AWS's rules for queue attributes: which names exist, which may be set (and on which queue type),
 * their ranges, defaults and normal forms. Values are kept as the strings AWS returns.
 */
public final class QueueAttributes {
    public static final int DEFAULT_VISIBILITY_TIMEOUT = 30;
    public static final int DEFAULT_RETENTION = 345_600;
    /** AWS raised the cap (and the default) from 256 KiB to 1 MiB in 2025. */
    public static final int MAX_MESSAGE_SIZE = 1_048_576;
    public static final int MAX_VISIBILITY_TIMEOUT = 43_200;

    static final ObjectMapper JSON = new ObjectMapper();

    /** Every attribute name GetQueueAttributes knows, in AWS's order for "All". */
    public static final List<String> ALL_NAMES = List.of(
            "Policy", "VisibilityTimeout", "MaximumMessageSize", "MessageRetentionPeriod",
            "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "CreatedTimestamp",
            "LastModifiedTimestamp", "QueueArn", "ApproximateNumberOfMessagesDelayed", "DelaySeconds",
            "ReceiveMessageWaitTimeSeconds", "RedrivePolicy", "FifoQueue", "ContentBasedDeduplication",
            "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "DeduplicationScope", "FifoThroughputLimit",
            "RedriveAllowPolicy", "SqsManagedSseEnabled");

    private static final Set<String> READ_ONLY = Set.of("ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp",
            "LastModifiedTimestamp", "QueueArn");
    private static final Set<String> FIFO_ONLY = Set.of("FifoQueue", "ContentBasedDeduplication",
            "DeduplicationScope", "FifoThroughputLimit");

    private QueueAttributes() {
    }

    /**
     * Validates attributes given to CreateQueue or SetQueueAttributes and returns them in normal form
     * (an empty value means "remove" for the policy attributes). {@code creating} allows FifoQueue.
     */
    public static Map<String, String> validate(Map<String, String> given, boolean fifo, boolean creating) {
        Map<String, String> out = new LinkedHashMap<>();
        if (given == null) {
            return out;
        }
        for (Map.Entry<String, String> e : given.entrySet()) {
            String name = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            if (READ_ONLY.contains(name) || !ALL_NAMES.contains(name) || (FIFO_ONLY.contains(name) && !fifo)) {
                throw SqsErrors.invalidAttributeName(name);
            }
            out.put(name, normalize(name, value, fifo, creating));
        }
        if ("perMessageGroupId".equals(out.get("FifoThroughputLimit")) && "queue".equals(out.get("DeduplicationScope"))) {
            throw SqsErrors.invalidAttributeValue("FifoThroughputLimit",
                    "The perMessageGroupId value is allowed only when the value for DeduplicationScope is messageGroup");
        }
        return out;
    }

    private static String normalize(String name, String value, boolean fifo, boolean creating) {
        switch (name) {
            case "DelaySeconds":
                return range(name, value, 0, 900);
            case "MaximumMessageSize":
                return range(name, value, 1024, MAX_MESSAGE_SIZE);
            case "MessageRetentionPeriod":
                return range(name, value, 60, 1_209_600);
            case "ReceiveMessageWaitTimeSeconds":
                return range(name, value, 0, 20);
            case "VisibilityTimeout":
                return range(name, value, 0, MAX_VISIBILITY_TIMEOUT);
            case "KmsDataKeyReusePeriodSeconds":
                return range(name, value, 60, 86_400);
            case "SqsManagedSseEnabled":
            case "ContentBasedDeduplication":
                return bool(name, value);
            case "FifoQueue":
                if (!creating) {
                    throw SqsErrors.invalidAttributeValue(name, "Modifying queue type is not supported.");
                }
                if (!"true".equalsIgnoreCase(value)) {
                    throw SqsErrors.invalidAttributeValue(name);
                }
                return "true";
            case "DeduplicationScope":
                return oneOf(name, value, "messageGroup", "queue");
            case "FifoThroughputLimit":
                return oneOf(name, value, "perQueue", "perMessageGroupId");
            case "Policy":
                if (!value.isEmpty() && !isJsonObject(value)) {
                    throw SqsErrors.invalidAttributeValue(name);
                }
                return value;
            case "RedrivePolicy":
                if (value.isEmpty()) {
                    return value;
                }
                // AWS stores the policy re-serialised: maxReceiveCount becomes a JSON number even when sent as "5".
                QueueSettings.RedrivePolicy redrive = parseRedrivePolicyStrict(value);
                ObjectNode canonical = JSON.createObjectNode();
                canonical.put("deadLetterTargetArn", redrive.deadLetterTargetArn());
                canonical.put("maxReceiveCount", redrive.maxReceiveCount());
                return canonical.toString();
            case "RedriveAllowPolicy":
                if (!value.isEmpty()) {
                    validateRedriveAllowPolicy(value);
                }
                return value;
            default:
                return value;
        }
    }

    private static String range(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return Integer.toString(n);
            }
        } catch (NumberFormatException ignored) {
            // falls through to AWS's error
        }
        throw SqsErrors.invalidAttributeValue(name);
    }

    private static String bool(String name, String value) {
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return value.toLowerCase(java.util.Locale.ROOT);
        }
        throw SqsErrors.invalidAttributeValue(name);
    }

    private static String oneOf(String name, String value, String a, String b) {
        if (a.equals(value) || b.equals(value)) {
            return value;
        }
        throw SqsErrors.invalidAttributeValue(name);
    }

    private static boolean isJsonObject(String value) {
        try {
            return JSON.readTree(value).isObject();
        } catch (IOException e) {
            return false;
        }
    }

    /** The policy from a stored (already validated) value, or null when unset. */
    static QueueSettings.RedrivePolicy parseRedrivePolicy(String value) {
        return value == null || value.isEmpty() ? null : parseRedrivePolicyStrict(value);
    }

    /** Parses {@code {"deadLetterTargetArn": "...", "maxReceiveCount": "5"}}; the count may be a string or a number. */
    public static QueueSettings.RedrivePolicy parseRedrivePolicyStrict(String value) {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw SqsErrors.invalidParameter(value, "RedrivePolicy", "Redrive policy is not a valid JSON map.");
        }
        JsonNode target = node.get("deadLetterTargetArn");
        JsonNode count = node.get("maxReceiveCount");
        if (target == null || !target.isTextual()) {
            throw SqsErrors.invalidParameter(value, "RedrivePolicy", "Redrive policy does not contain mandatory attribute: deadLetterTargetArn.");
        }
        if (count == null) {
            throw SqsErrors.invalidParameter(value, "RedrivePolicy", "Redrive policy does not contain mandatory attribute: maxReceiveCount.");
        }
        int max;
        try {
            max = count.isNumber() ? count.intValue() : Integer.parseInt(count.asText().trim());
        } catch (NumberFormatException e) {
            max = 0;
        }
        if (max < 1 || max > 1000) {
            throw SqsErrors.invalidParameter(value, "RedrivePolicy",
                    "Invalid value for maxReceiveCount: " + count.asText() + ", valid values are from 1 to 1000 both inclusive.");
        }
        return new QueueSettings.RedrivePolicy(target.asText(), max);
    }

    /** The parsed {@code RedriveAllowPolicy}: who may use this queue as a dead-letter queue. */
    public record RedriveAllowPolicy(String redrivePermission, List<String> sourceQueueArns) {
        public boolean allows(String sourceArn) {
            return switch (redrivePermission) {
                case "denyAll" -> false;
                case "byQueue" -> sourceQueueArns.contains(sourceArn);
                default -> true;
            };
        }
    }

    public static RedriveAllowPolicy parseRedriveAllowPolicy(String value) {
        return value == null || value.isEmpty() ? null : validateRedriveAllowPolicy(value);
    }

    private static RedriveAllowPolicy validateRedriveAllowPolicy(String value) {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw SqsErrors.invalidAttributeValue("RedriveAllowPolicy", "Redrive allow policy is not a valid JSON map.");
        }
        String permission = node.path("redrivePermission").asText("");
        if (!Set.of("allowAll", "denyAll", "byQueue").contains(permission)) {
            throw SqsErrors.invalidAttributeValue("RedriveAllowPolicy",
                    "Invalid value for redrivePermission. Valid values are allowAll, denyAll and byQueue.");
        }
        List<String> sources = new java.util.ArrayList<>();
        node.path("sourceQueueArns").forEach(n -> sources.add(n.asText()));
        if ("byQueue".equals(permission) && (sources.isEmpty() || sources.size() > 10)) {
            throw SqsErrors.invalidAttributeValue("RedriveAllowPolicy",
                    "sourceQueueArns must contain between 1 and 10 ARNs when redrivePermission is byQueue.");
        }
        if (!"byQueue".equals(permission) && !sources.isEmpty()) {
            throw SqsErrors.invalidAttributeValue("RedriveAllowPolicy",
                    "sourceQueueArns is only allowed when redrivePermission is byQueue.");
        }
        return new RedriveAllowPolicy(permission, List.copyOf(sources));
    }

    /** The effective value of a settable attribute when the queue does not store one (null: not shown). */
    public static String defaultValue(String name, boolean fifo, Map<String, String> stored) {
        switch (name) {
            case "VisibilityTimeout":
                return Integer.toString(DEFAULT_VISIBILITY_TIMEOUT);
            case "MaximumMessageSize":
                return Integer.toString(MAX_MESSAGE_SIZE);
            case "MessageRetentionPeriod":
                return Integer.toString(DEFAULT_RETENTION);
            case "DelaySeconds":
            case "ReceiveMessageWaitTimeSeconds":
                return "0";
            case "SqsManagedSseEnabled":
                return stored.containsKey("KmsMasterKeyId") ? "false" : "true";
            case "KmsDataKeyReusePeriodSeconds":
                return stored.containsKey("KmsMasterKeyId") ? "300" : null;
            case "FifoQueue":
                return fifo ? "true" : null;
            case "ContentBasedDeduplication":
                return fifo ? "false" : null;
            case "DeduplicationScope":
                return fifo ? "queue" : null;
            case "FifoThroughputLimit":
                return fifo ? "perQueue" : null;
            default:
                return null;
        }
    }
}
