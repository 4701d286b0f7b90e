package dev.cloudjar.services.iam;

import dev.cloudjar.core.Arn;
import dev.cloudjar.services.iam.model.IamTag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The input constraints of the IAM model (lengths, patterns, ranges), with AWS's ValidationError texts. */
final class IamValidation {
    static final String NAME_PATTERN = "[\\w+=,.@-]+";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final Pattern PATH = Pattern.compile("(/)|(/[\\u0021-\\u007E]+/)");
    private static final String TAG_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+";
    private static final Pattern TAG = Pattern.compile(TAG_PATTERN);
    static final int DEFAULT_MAX_ITEMS = 100;
    private static final int MAX_TAGS = 50;

    private IamValidation() {
    }

    static <T> T required(T value, String member) {
        if (value == null) {
            throw IamErrors.constraint(null, member, "Member must not be null");
        }
        return value;
    }

    /** A role, user, policy or instance profile name: required, 1..max characters of {@code [\w+=,.@-]}. */
    static String name(String value, String member, int max) {
        required(value, member);
        if (value.isEmpty()) {
            throw IamErrors.constraint(value, member, "Member must have length greater than or equal to 1");
        }
        if (value.length() > max) {
            throw IamErrors.constraint(value, member, "Member must have length less than or equal to " + max);
        }
        if (!NAME.matcher(value).matches()) {
            throw IamErrors.constraint(value, member, "Member must satisfy regular expression pattern: " + NAME_PATTERN);
        }
        return value;
    }

    /** A resource path; null means "/". */
    static String path(String value) {
        if (value == null) {
            return "/";
        }
        if (value.length() > 512) {
            throw IamErrors.constraint(value, "path", "Member must have length less than or equal to 512");
        }
        if (!PATH.matcher(value).matches()) {
            throw IamErrors.constraint(value, "path",
                    "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
        }
        return value;
    }

    static String pathPrefix(String value) {
        if (value == null) {
            return "/";
        }
        if (value.isEmpty() || value.charAt(0) != '/' || value.length() > 512) {
            throw IamErrors.constraint(value, "pathPrefix", "Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*");
        }
        return value;
    }

    static String description(String value) {
        if (value != null && value.length() > 1000) {
            throw IamErrors.constraint(value, "description", "Member must have length less than or equal to 1000");
        }
        return value;
    }

    static int range(Integer value, String member, int min, int max, int absent) {
        if (value == null) {
            return absent;
        }
        if (value < min) {
            throw IamErrors.constraint(value, member, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw IamErrors.constraint(value, member, "Member must have value less than or equal to " + max);
        }
        return value;
    }

    static int maxItems(Integer value) {
        return range(value, "maxItems", 1, 1000, DEFAULT_MAX_ITEMS);
    }

    static int maxSessionDuration(Integer value, int absent) {
        return range(value, "maxSessionDuration", 3600, 43200, absent);
    }

    /** A policy ARN the caller passed: at least an ARN's shape (AWS answers InvalidInput otherwise). */
    static Arn policyArn(String value) {
        required(value, "policyArn");
        Arn arn = Arn.parseOrNull(value);
        if (value.length() < 20) {
            throw IamErrors.constraint(value, "policyArn", "Member must have length greater than or equal to 20");
        }
        if (arn == null || !"iam".equals(arn.service()) || !arn.resource().startsWith("policy/")) {
            throw IamErrors.invalidInput("ARN " + value + " is not valid.");
        }
        return arn;
    }

    static String permissionsBoundary(String value) {
        if (value != null) {
            policyArn(value);
        }
        return value;
    }

    /** Tags of a create or tag call: at most 50, keys unique regardless of case, AWS's lengths and characters. */
    static List<IamTag> tags(List<IamTag> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw IamErrors.constraint(tags.size() + " tags", "tags", "Member must have length less than or equal to " + MAX_TAGS);
        }
        Set<String> keys = new HashSet<>();
        for (IamTag tag : tags) {
            String key = required(tag.key(), "tags.member.key");
            String value = required(tag.value(), "tags.member.value");
            if (key.isEmpty() || key.length() > 128) {
                throw IamErrors.constraint(key, "tags.member.key", "Member must have length less than or equal to 128");
            }
            if (!TAG.matcher(key).matches()) {
                throw IamErrors.constraint(key, "tags.member.key", "Member must satisfy regular expression pattern: " + TAG_PATTERN);
            }
            if (value.length() > 256) {
                throw IamErrors.constraint(value, "tags.member.value", "Member must have length less than or equal to 256");
            }
            if (!keys.add(key.toLowerCase(Locale.ROOT))) {
                throw IamErrors.invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
        }
        return List.copyOf(tags);
    }

    /** Existing tags with the new ones merged in (a key matching regardless of case is replaced), at most 50. */
    static List<IamTag> mergeTags(List<IamTag> existing, List<IamTag> added) {
        List<IamTag> merged = new ArrayList<>(existing);
        for (IamTag tag : tags(added)) {
            merged.removeIf(t -> t.key().equalsIgnoreCase(tag.key()));
            merged.add(tag);
        }
        if (merged.size() > MAX_TAGS) {
            throw IamErrors.limitExceeded("The number of tags has reached the maximum limit.");
        }
        return List.copyOf(merged);
    }

    static List<IamTag> removeTags(List<IamTag> existing, List<String> keys) {
        List<IamTag> remaining = new ArrayList<>(existing);
        for (String key : keys == null ? List.<String>of() : keys) {
            remaining.removeIf(t -> t.key().equalsIgnoreCase(key));
        }
        return List.copyOf(remaining);
    }
}
