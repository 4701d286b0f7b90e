package dev.cloudjar.services.s3;

import java.util.Map;

/** Limits on S3 tag sets (objects: 10 tags, buckets: 50; keys up to 128 characters, values 256). */
final class TagRules {
    private TagRules() {
    }

    static void validate(Map<String, String> tags, int maxTags) {
        if (tags == null) {
            return;
        }
        if (tags.size() > maxTags) {
            if (maxTags == 10) {
                throw S3Errors.invalidTag("Object tags cannot be greater than 10");
            }
            throw S3Errors.invalidTag("Bucket tag count cannot be greater than " + maxTags);
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            String value = tag.getValue() == null ? "" : tag.getValue();
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw S3Errors.invalidTag("The TagKey you have provided is invalid");
            }
            if (value.length() > 256) {
                throw S3Errors.invalidTag("The TagValue you have provided is invalid");
            }
            if (key.startsWith("aws:")) {
                throw S3Errors.invalidTag("System tags cannot be added/updated by requester");
            }
        }
    }
}
