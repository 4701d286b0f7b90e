package dev.cloudjar.services.dynamodb.streams;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Shard iterators: opaque tokens carrying the stream, the shard, the position (read records after
 * this sequence number) and the issue time, so an old iterator can be refused after 15 minutes.
 */
final class ShardIterators {
    static final long LIFETIME_MILLIS = 15 * 60 * 1000L;

    record Position(String streamArn, String shardId, long after, long issuedMillis) {
    }

    private ShardIterators() {
    }

    static String encode(Position p) {
        String raw = p.streamArn() + "|" + p.shardId() + "|" + p.after() + "|" + p.issuedMillis();
        return p.streamArn() + "|1|" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes an iterator, or returns null when it is not one of ours. */
    static Position decodeOrNull(String iterator) {
        if (iterator == null) {
            return null;
        }
        int bar = iterator.lastIndexOf('|');
        if (bar < 0) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(iterator.substring(bar + 1)), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|");
            if (parts.length != 4) {
                return null;
            }
            return new Position(parts[0], parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
