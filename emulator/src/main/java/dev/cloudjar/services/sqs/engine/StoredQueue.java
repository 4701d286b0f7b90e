package dev.cloudjar.services.sqs.engine;

import java.util.Map;

/**
 * A queue as the store keeps it: identity, the attributes the caller set (normal form, defaults
 * omitted), tags, and creation/modification times in epoch seconds.
 */
public record StoredQueue(int version, String account, String region, String name, Map<String, String> attributes,
                          Map<String, String> tags, long createdTimestamp, long lastModifiedTimestamp) {
    public static final int CURRENT_VERSION = 1;
}
