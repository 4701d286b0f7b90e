package dev.cloudjar.services.sns.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.query.QueryProtocol;
import dev.cloudjar.services.sns.PublishBatchEntry;
import dev.cloudjar.services.sns.SnsMessageAttribute;
import dev.cloudjar.services.sns.SnsTag;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds SNS's nested Query parameters: tags, message attributes and batch entries. */
final class SnsParams {
    private SnsParams() {
    }

    /** {@code Tags.member.N.Key} / {@code .Value}. */
    static List<SnsTag> tags(Map<String, String> params, String prefix) {
        List<SnsTag> tags = new ArrayList<>();
        for (Map<String, String> group : QueryProtocol.indexedGroups(params, prefix + ".member")) {
            tags.add(new SnsTag(group.get("Key"), group.get("Value")));
        }
        return tags;
    }

    /** {@code MessageAttributes.entry.N.Name} + {@code .Value.DataType/StringValue/BinaryValue}, in N order. */
    static Map<String, SnsMessageAttribute> messageAttributes(Map<String, String> params) {
        Map<String, SnsMessageAttribute> attributes = new LinkedHashMap<>();
        for (Map<String, String> group : QueryProtocol.indexedGroups(params, "MessageAttributes.entry")) {
            String name = group.get("Name");
            if (name == null) {
                continue;
            }
            String binary = group.get("Value.BinaryValue");
            byte[] bytes = null;
            if (binary != null) {
                try {
                    bytes = Base64.getMimeDecoder().decode(binary);
                } catch (IllegalArgumentException e) {
                    throw new AwsException(400, "ParameterValueInvalid",
                            "The message attribute '" + name + "' has an invalid binary value.");
                }
            }
            attributes.put(name, new SnsMessageAttribute(group.get("Value.DataType"), group.get("Value.StringValue"), bytes));
        }
        return attributes;
    }

    /** {@code PublishBatchRequestEntries.member.N.*}. */
    static List<PublishBatchEntry> batchEntries(Map<String, String> params) {
        List<PublishBatchEntry> entries = new ArrayList<>();
        for (Map<String, String> group : QueryProtocol.indexedGroups(params, "PublishBatchRequestEntries.member")) {
            entries.add(new PublishBatchEntry(group.get("Id"), group.get("Message"), group.get("Subject"),
                    group.get("MessageStructure"), messageAttributes(group), group.get("MessageGroupId"),
                    group.get("MessageDeduplicationId")));
        }
        return entries;
    }
}
