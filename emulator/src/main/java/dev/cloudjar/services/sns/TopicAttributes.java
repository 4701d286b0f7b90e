package dev.cloudjar.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Topic names and attributes: what may be set, AWS's checks, and how GetTopicAttributes shows them. */
final class TopicAttributes {
    static final String DEFAULT_DELIVERY_POLICY = "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,"
            + "\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,"
            + "\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\":false,"
            + "\"defaultRequestPolicy\":{\"headerContentType\":\"text/plain; charset=UTF-8\"}}}";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,256}");
    private static final Pattern FIFO_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,251}\\.fifo");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SETTABLE = Set.of("DeliveryPolicy", "DisplayName", "Policy", "TracingConfig",
            "KmsMasterKeyId", "SignatureVersion", "ContentBasedDeduplication", "FifoThroughputScope", "ArchivePolicy",
            "DataProtectionPolicy",
            "ApplicationSuccessFeedbackRoleArn", "ApplicationSuccessFeedbackSampleRate", "ApplicationFailureFeedbackRoleArn",
            "FirehoseSuccessFeedbackRoleArn", "FirehoseSuccessFeedbackSampleRate", "FirehoseFailureFeedbackRoleArn",
            "HTTPSuccessFeedbackRoleArn", "HTTPSuccessFeedbackSampleRate", "HTTPFailureFeedbackRoleArn",
            "LambdaSuccessFeedbackRoleArn", "LambdaSuccessFeedbackSampleRate", "LambdaFailureFeedbackRoleArn",
            "SQSSuccessFeedbackRoleArn", "SQSSuccessFeedbackSampleRate", "SQSFailureFeedbackRoleArn");

    private TopicAttributes() {
    }

    /** Checks CreateTopic's name and attributes and returns the attributes to store. */
    static Map<String, String> forCreate(String name, Map<String, String> requested) {
        Map<String, String> attributes = new LinkedHashMap<>();
        boolean fifo = false;
        for (Map.Entry<String, String> entry : requested.entrySet()) {
            if (entry.getKey().equals("FifoTopic")) {
                fifo = "true".equalsIgnoreCase(entry.getValue());
                if (!fifo && !"false".equalsIgnoreCase(entry.getValue())) {
                    throw SnsErrors.invalidParameter("Invalid parameter: FifoTopic Reason: Invalid value [" + entry.getValue() + "]. Must be true or false.");
                }
            }
        }
        if (name == null || name.isEmpty()) {
            throw SnsErrors.invalidParameter("Invalid parameter: Topic Name");
        }
        if (fifo) {
            if (!FIFO_NAME.matcher(name).matches()) {
                throw SnsErrors.invalidParameter("Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.");
            }
            attributes.put("FifoTopic", "true");
            attributes.put("ContentBasedDeduplication", "false");
        } else if (!NAME.matcher(name).matches()) {
            throw SnsErrors.invalidParameter("Invalid parameter: Topic Name");
        }
        for (Map.Entry<String, String> entry : requested.entrySet()) {
            if (entry.getKey().equals("FifoTopic")) {
                continue;
            }
            attributes.put(entry.getKey(), validate(entry.getKey(), entry.getValue(), fifo));
        }
        return attributes;
    }

    /** Checks one attribute of SetTopicAttributes (or CreateTopic) and returns the value to store. */
    static String validate(String name, String value, boolean fifo) {
        if (name == null || !SETTABLE.contains(name)) {
            throw SnsErrors.invalidParameter("Invalid parameter: AttributeName");
        }
        String v = value == null ? "" : value;
        switch (name) {
            case "ContentBasedDeduplication":
                if (!fifo) {
                    throw SnsErrors.invalidParameter("Invalid parameter: ContentBasedDeduplication Reason: Content based deduplication can only be set for FIFO topics");
                }
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    throw SnsErrors.invalidParameter("Invalid parameter: ContentBasedDeduplication Reason: Invalid value [" + v + "]. Must be true or false.");
                }
                return v.toLowerCase(Locale.ROOT);
            case "SignatureVersion":
                if (!v.equals("1") && !v.equals("2")) {
                    throw SnsErrors.invalidParameter("Invalid parameter: SignatureVersion");
                }
                return v;
            case "TracingConfig":
                if (!v.equals("PassThrough") && !v.equals("Active")) {
                    throw SnsErrors.invalidParameter("Invalid parameter: TracingConfig");
                }
                return v;
            case "Policy":
            case "DeliveryPolicy":
            case "ArchivePolicy":
            case "DataProtectionPolicy":
                if (!v.isEmpty() && !isJsonObject(v)) {
                    throw SnsErrors.invalidParameter("Invalid parameter: " + name + ": failed to parse JSON.");
                }
                return v;
            case "FifoThroughputScope":
                if (!fifo || (!v.equals("Topic") && !v.equals("MessageGroup"))) {
                    throw SnsErrors.invalidParameter("Invalid parameter: FifoThroughputScope");
                }
                return v;
            default:
                return v;
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

    /** The policy AWS gives every new topic: the owner's account may do everything. */
    static String defaultPolicy(String topicArn, String account) {
        return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":\"__default_statement_ID\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"SNS:GetTopicAttributes\",\"SNS:SetTopicAttributes\","
                + "\"SNS:AddPermission\",\"SNS:RemovePermission\",\"SNS:DeleteTopic\",\"SNS:Subscribe\",\"SNS:ListSubscriptionsByTopic\","
                + "\"SNS:Publish\"],\"Resource\":\"" + topicArn + "\",\"Condition\":{\"StringEquals\":{\"AWS:SourceOwner\":\""
                + account + "\"}}}]}";
    }

    /** GetTopicAttributes: AWS's computed attributes first, then the ones set on the topic. */
    static Map<String, String> render(TopicRecord topic, String account, int confirmed, int pending) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> set = topic.attributes();
        out.put("Policy", nonEmpty(set.get("Policy"), defaultPolicy(topic.arn(), account)));
        out.put("Owner", account);
        out.put("SubscriptionsPending", Integer.toString(pending));
        out.put("TopicArn", topic.arn());
        out.put("EffectiveDeliveryPolicy", nonEmpty(set.get("DeliveryPolicy"), DEFAULT_DELIVERY_POLICY));
        out.put("SubscriptionsConfirmed", Integer.toString(confirmed));
        out.put("DisplayName", set.getOrDefault("DisplayName", ""));
        out.put("SubscriptionsDeleted", "0");
        for (Map.Entry<String, String> entry : set.entrySet()) {
            if (!out.containsKey(entry.getKey()) && !entry.getValue().isEmpty()) {
                out.put(entry.getKey(), entry.getValue());
            }
        }
        return out;
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
