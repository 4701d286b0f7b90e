package dev.cloudjar.services.sns;

import java.util.Map;

/**
 * A mobile-push resource as stored: a platform application ({@code app/<Platform>/<name>}, no
 * {@code applicationArn}) or one of its endpoints ({@code endpoint/<Platform>/<app>/<id>}, with the
 * application's ARN; Token, Enabled and CustomUserData live in {@code attributes} as AWS shows them).
 */
public record PlatformRecord(String arn, String applicationArn, String platform, Map<String, String> attributes) {
}
