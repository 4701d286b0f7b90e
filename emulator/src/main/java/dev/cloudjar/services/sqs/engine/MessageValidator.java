package dev.cloudjar.services.sqs.engine;

import dev.cloudjar.core.AwsException;
import java.math.BigDecimal;
import java.util.Map;

/** AWS's checks on a message before it is enqueued: body characters, attributes, size and FIFO rules. */
public final class MessageValidator {
    private static final int MAX_ATTRIBUTES = 10;

    private MessageValidator() {
    }

    /** Validates a send against the queue's settings; returns the deduplication id to use (FIFO) or null. */
    public static String validate(SendRequest request, QueueSettings settings) {
        String body = request.body();
        if (body == null || body.isEmpty()) {
            throw SqsErrors.missingParameter("MessageBody");
        }
        checkCharacters(body);
        long size = MessageAttribute.utf8Length(body);
        Map<String, MessageAttribute> attributes = request.attributes();
        if (attributes != null) {
            if (attributes.size() > MAX_ATTRIBUTES) {
                throw SqsErrors.invalidParameterValue("Number of message attributes [" + attributes.size()
                        + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
            }
            for (Map.Entry<String, MessageAttribute> e : attributes.entrySet()) {
                checkAttribute(e.getKey(), e.getValue());
                size += e.getValue().size(e.getKey());
            }
        }
        if (size > settings.maximumMessageSize()) {
            throw SqsErrors.invalidParameterValue("One or more parameters are invalid. Reason: Message must be shorter than "
                    + settings.maximumMessageSize() + " bytes.");
        }
        if (request.systemAttributes() != null) {
            for (Map.Entry<String, MessageAttribute> e : request.systemAttributes().entrySet()) {
                if (!"AWSTraceHeader".equals(e.getKey())) {
                    throw SqsErrors.invalidParameterValue("Message system attribute name '" + e.getKey() + "' is invalid.");
                }
                if (!"String".equals(e.getValue().dataType()) || e.getValue().stringValue() == null || e.getValue().stringValue().isEmpty()) {
                    throw SqsErrors.invalidParameterValue("Message system attribute 'AWSTraceHeader' must have DataType String and a non-empty StringValue.");
                }
            }
        }
        Integer delay = request.delaySeconds();
        if (delay != null) {
            if (delay < 0 || delay > 900) {
                throw SqsErrors.invalidParameter(delay, "DelaySeconds", "DelaySeconds must be >= 0 and <= 900.");
            }
            // AWS accepts an explicit 0 on FIFO queues (SDKs and frameworks send it by default).
            if (settings.fifo() && delay != 0) {
                throw SqsErrors.invalidParameter(delay, "DelaySeconds",
                        "The request include parameter that is not valid for this queue type.");
            }
        }
        if (request.groupId() != null) {
            checkFifoId(request.groupId(), "MessageGroupId");
        }
        if (!settings.fifo()) {
            if (request.deduplicationId() != null) {
                throw SqsErrors.invalidParameter(request.deduplicationId(), "MessageDeduplicationId",
                        "The request includes a parameter that is not valid for this queue type.");
            }
            return null;
        }
        if (request.groupId() == null || request.groupId().isEmpty()) {
            throw SqsErrors.missingParameter("MessageGroupId");
        }
        if (request.deduplicationId() != null) {
            checkFifoId(request.deduplicationId(), "MessageDeduplicationId");
            return request.deduplicationId();
        }
        if (!settings.contentBasedDeduplication()) {
            throw SqsErrors.invalidParameterValue(
                    "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
        }
        return MessageDigests.sha256Hex(body);
    }

    private static void checkFifoId(String value, String parameter) {
        boolean ok = !value.isEmpty() && value.length() <= 128;
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = c > 32 && c < 127;
        }
        if (!ok) {
            throw SqsErrors.invalidParameter(value, parameter, parameter
                    + " can only include alphanumeric and punctuation characters. 1 to 128 in length.");
        }
    }

    /** Only #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF are allowed. */
    static void checkCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c <= 0xD7FF || c == 0x9 || c == 0xA || c == 0xD || c >= 0xE000 && c <= 0xFFFD) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            throw SqsErrors.invalidMessageContents();
        }
    }

    private static void checkAttribute(String name, MessageAttribute value) {
        if (name == null || name.isEmpty() || name.length() > 256 || !validName(name)) {
            throw SqsErrors.invalidParameterValue("The message attribute name '" + name + "' is invalid. "
                    + "Attribute name can contain A-Z, a-z, 0-9, underscore (_), hyphen (-), and period (.) characters.");
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("aws.") || lower.startsWith("amazon.") || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            throw SqsErrors.invalidParameterValue("The message attribute name '" + name + "' is invalid. "
                    + "Attribute name can not start with 'AWS.' or 'Amazon.', start or end with a period (.), or have successive periods.");
        }
        String type = value.dataType();
        if (type == null || type.isEmpty()) {
            throw SqsErrors.invalidParameterValue("The message attribute '" + name + "' must contain non-empty message attribute type.");
        }
        String base = value.baseType();
        if (!base.equals("String") && !base.equals("Number") && !base.equals("Binary") || type.length() > 256) {
            throw SqsErrors.invalidParameterValue("The message attribute '" + name
                    + "' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
        }
        boolean binary = base.equals("Binary");
        if (value.stringListValues() != null && !value.stringListValues().isEmpty()
                || value.binaryListValues() != null && !value.binaryListValues().isEmpty()) {
            throw SqsErrors.invalidParameterValue("Message attribute list values in SendMessage operation are not supported.");
        }
        if (binary ? value.binaryValue() == null || value.binaryValue().length == 0
                : value.stringValue() == null || value.stringValue().isEmpty()) {
            throw SqsErrors.invalidParameterValue("The message attribute '" + name
                    + "' must contain non-empty message attribute value for message attribute type '" + type + "'.");
        }
        if (!binary) {
            checkCharacters(value.stringValue());
        }
        if (base.equals("Number")) {
            checkNumber(name, value.stringValue());
        }
    }

    private static boolean validName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static void checkNumber(String name, String text) {
        AwsException error = SqsErrors.invalidParameterValue(
                "Can't cast the value of message (user) attribute '" + name + "' to a number.");
        try {
            BigDecimal n = new BigDecimal(text.trim());
            if (n.precision() > 38 || n.scale() > 38 && n.signum() != 0) {
                throw error;
            }
        } catch (NumberFormatException e) {
            throw error;
        }
    }
}
