package dev.cloudjar.services.sns;

import java.util.Map;

/**
 * Subscribe's input. {@code emulatorEndpoint} is CloudJar's base URL as the caller addressed it; the
 * SubscribeURL and UnsubscribeURL handed to subscribers point there.
 */
public record SubscribeRequest(String topicArn, String protocol, String endpoint, Map<String, String> attributes,
                               boolean returnSubscriptionArn, String emulatorEndpoint) {
}
