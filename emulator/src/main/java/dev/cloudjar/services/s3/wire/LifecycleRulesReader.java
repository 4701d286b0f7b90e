package dev.cloudjar.services.s3.wire;

import dev.cloudjar.protocol.xml.XmlNode;
import dev.cloudjar.services.s3.model.ExpirationRule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the Enabled rules of a lifecycle document (current and legacy shapes) into what the expiration sweep applies. */
final class LifecycleRulesReader {
    private LifecycleRulesReader() {
    }

    static List<ExpirationRule> read(XmlNode root) {
        List<ExpirationRule> rules = new ArrayList<>();
        for (XmlNode rule : root.children("Rule")) {
            if (!"Enabled".equals(rule.childText("Status"))) {
                continue;
            }
            XmlNode filter = rule.child("Filter");
            XmlNode and = filter == null ? null : filter.child("And");
            XmlNode where = and != null ? and : filter;
            String prefix = rule.child("Prefix") != null ? rule.child("Prefix").rawText()
                    : where != null && where.child("Prefix") != null ? where.child("Prefix").rawText() : null;
            Map<String, String> tags = new LinkedHashMap<>();
            if (where != null) {
                for (XmlNode tag : where.children("Tag")) {
                    if (tag.childText("Key") != null) {
                        tags.put(tag.childText("Key"), tag.child("Value") == null ? "" : tag.child("Value").rawText());
                    }
                }
            }
            XmlNode expiration = rule.child("Expiration");
            XmlNode noncurrent = rule.child("NoncurrentVersionExpiration");
            XmlNode abort = rule.child("AbortIncompleteMultipartUpload");
            rules.add(new ExpirationRule(prefix == null || prefix.isEmpty() ? null : prefix, tags,
                    number(where, "ObjectSizeGreaterThan"), number(where, "ObjectSizeLessThan"),
                    integer(expiration, "Days"), date(expiration == null ? null : expiration.childText("Date")),
                    expiration != null && "true".equals(expiration.childText("ExpiredObjectDeleteMarker")),
                    integer(noncurrent, "NoncurrentDays"), integer(noncurrent, "NewerNoncurrentVersions"),
                    integer(abort, "DaysAfterInitiation")));
        }
        return rules;
    }

    private static Long number(XmlNode node, String element) {
        String text = node == null ? null : node.childText(element);
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(XmlNode node, String element) {
        Long n = number(node, element);
        return n == null || n <= 0 || n > Integer.MAX_VALUE ? null : n.intValue();
    }

    private static Instant date(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
