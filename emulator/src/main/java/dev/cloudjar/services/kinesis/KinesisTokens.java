package dev.cloudjar.services.kinesis;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

/**
 * NextTokens and shard iterators: opaque base64 text holding what they point at and when they were
 * made, so they expire as AWS's do (NextTokens and iterators after 5 minutes).
 */
final class KinesisTokens {
    static final long LIFETIME_MILLIS = 300_000;

    private KinesisTokens() {
    }

    static String encode(String kind, String position, Clock clock) {
        return Base64.getEncoder().encodeToString((kind + "|" + clock.millis() + "|" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a NextToken of this kind holds; a malformed one is InvalidArgumentException, an old one ExpiredNextTokenException. */
    static String decode(String token, String kind, Clock clock) {
        String[] parts = parts(token, kind);
        if (parts == null) {
            throw KinesisErrors.invalid("Invalid NextToken.");
        }
        if (clock.millis() - Long.parseLong(parts[1]) > LIFETIME_MILLIS) {
            throw new dev.cloudjar.core.AwsException(400, "ExpiredNextTokenException", "The NextToken has expired.");
        }
        return parts[2];
    }

    /** {kind, createdMillis, position}, or null when the text is not a token of this kind. */
    static String[] parts(String token, String kind) {
        try {
            String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", 3);
            if (parts.length != 3 || !parts[0].equals(kind)) {
                return null;
            }
            Long.parseLong(parts[1]);
            return parts;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
