package dev.cloudjar.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Publish's input checks with AWS's messages: subject, message, size, attributes, MessageStructure. */
final class PublishRules {
    /** 256 KiB for the message plus every attribute's name, type and value. */
    static final int MAX_SIZE = 262_144;
    private static final Pattern E164 = Pattern.compile("\\+?[1-9]\\d{1,14}");
    private static final Pattern CUSTOM_TYPE = Pattern.compile("(String|Number|Binary)\\..+");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PublishRules() {
    }

    static boolean isPhoneNumber(String value) {
        return value != null && E164.matcher(value).matches();
    }

    static void checkSubject(String subject) {
        if (subject == null) {
            return;
        }
        // AWS's documentation says "less than 100", but AWS accepts exactly 100 (and AWS Config sends such subjects).
        if (subject.isEmpty() || subject.length() > 100) {
            throw SnsErrors.invalidParameter("Invalid parameter: Subject");
        }
        for (int i = 0; i < subject.length(); i++) {
            if (Character.isISOControl(subject.charAt(i))) {
                throw SnsErrors.invalidParameter("Invalid parameter: Subject");
            }
        }
    }

    static void checkMessage(String message) {
        if (message == null || message.isEmpty()) {
            throw SnsErrors.invalidParameter("Invalid parameter: Empty message");
        }
    }

    /** Validates attributes; {@code position} (1-based) names the batch entry in ValidationError texts. */
    static void checkAttributes(Map<String, SnsMessageAttribute> attributes, int position) {
        for (Map.Entry<String, SnsMessageAttribute> entry : attributes.entrySet()) {
            String name = entry.getKey();
            SnsMessageAttribute attribute = entry.getValue();
            if (name.getBytes(StandardCharsets.UTF_8).length > 256) {
                throw SnsErrors.invalidParameterValue("Length of message attribute name must be less than 256 bytes.");
            }
            checkName(name);
            String type = attribute.dataType();
            if (type == null) {
                String at = position > 0
                        ? "publishBatchRequestEntries." + position + ".member.messageAttributes." + name + ".member.dataType"
                        : "messageAttributes." + name + ".member.dataType";
                throw SnsErrors.validation("1 validation error detected: Value null at '" + at
                        + "' failed to satisfy constraint: Member must not be null");
            }
            if (!type.equals("String") && !type.equals("Number") && !type.equals("Binary")
                    && !type.equals("String.Array") && !CUSTOM_TYPE.matcher(type).matches()) {
                throw SnsErrors.invalidParameterValue("The message attribute '" + name
                        + "' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
            }
            boolean binary = type.startsWith("Binary");
            if (attribute.stringValue() == null && attribute.binaryValue() == null) {
                throw SnsErrors.invalidParameterValue("The message attribute '" + name
                        + "' must contain non-empty message attribute value for message attribute type '" + type + "'.");
            }
            if (binary ? attribute.binaryValue() == null : attribute.stringValue() == null) {
                throw SnsErrors.invalidParameterValue("The message attribute '" + name + "' with type '" + type
                        + "' must use field '" + (binary ? "Binary" : "String") + "'.");
            }
            if (binary ? attribute.binaryValue().length == 0 : attribute.stringValue().isEmpty()) {
                throw SnsErrors.invalidParameterValue("The message attribute '" + name
                        + "' must contain non-empty message attribute value for message attribute type '" + type + "'.");
            }
            if (type.startsWith("Number") && !isNumber(attribute.stringValue())) {
                throw SnsErrors.invalidParameterValue("Could not cast message attribute '" + name + "' value to number.");
            }
            if (type.equals("String.Array") && !isJsonArray(attribute.stringValue())) {
                throw SnsErrors.invalidParameter("Invalid parameter: Message attribute '" + name
                        + "' has an invalid value for type String.Array");
            }
        }
    }

    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw SnsErrors.invalidParameterValue("The message attribute name can not be empty.");
        }
        if (name.charAt(0) == '.') {
            throw SnsErrors.invalidParameterValue("Invalid message attribute name starting with character '.' was found.");
        }
        if (name.charAt(name.length() - 1) == '.') {
            throw SnsErrors.invalidParameterValue("Invalid message attribute name ending with character '.' was found.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
            if (!ok) {
                throw SnsErrors.invalidParameterValue("Invalid non-alphanumeric character '#x" + Integer.toHexString(c).toUpperCase()
                        + "' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.");
            }
            if (c == '.' && name.charAt(i - 1) == '.') {
                throw SnsErrors.invalidParameterValue("Message attribute name can not have successive '.' character.");
            }
        }
    }

    private static boolean isNumber(String value) {
        try {
            new java.math.BigDecimal(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isJsonArray(String value) {
        try {
            JsonNode node = MAPPER.readTree(value);
            return node != null && node.isArray();
        } catch (Exception e) {
            return false;
        }
    }

    /** Bytes counted against the 256 KiB limit. */
    static int size(String message, Map<String, SnsMessageAttribute> attributes) {
        int size = message == null ? 0 : utf8Length(message);
        for (Map.Entry<String, SnsMessageAttribute> entry : attributes.entrySet()) {
            SnsMessageAttribute a = entry.getValue();
            size += utf8Length(entry.getKey()) + (a.dataType() == null ? 0 : utf8Length(a.dataType()));
            size += a.isBinary() ? (a.binaryValue() == null ? 0 : a.binaryValue().length)
                    : (a.stringValue() == null ? 0 : utf8Length(a.stringValue()));
        }
        return size;
    }

    private static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                bytes += c >= 0x800 && !Character.isSurrogate(c) ? 2 : 1;
            }
        }
        return bytes;
    }

    /**
     * MessageStructure=json: the message is a JSON object with a string {@code default}; keys with
     * non-string values are ignored. Returns protocol -> message.
     */
    static Map<String, String> perProtocolMessages(String message, boolean requireDefault) {
        JsonNode root;
        try {
            root = MAPPER.readTree(message);
        } catch (Exception e) {
            throw SnsErrors.invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        if (root == null || !root.isObject()) {
            throw SnsErrors.invalidParameter("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        Map<String, String> messages = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isTextual()) {
                messages.put(field.getKey(), field.getValue().textValue());
            }
        }
        if (requireDefault && !messages.containsKey("default")) {
            throw SnsErrors.invalidParameter("Invalid parameter: Message Structure - No default entry in JSON message body");
        }
        return messages;
    }
}
