package dev.cloudjar.services.kinesis;

import dev.cloudjar.services.kinesis.KinesisStreams.Target;
import dev.cloudjar.services.kinesis.model.ShardQuery;
import dev.cloudjar.services.kinesis.model.ShardRecord;
import dev.cloudjar.services.kinesis.model.StreamPage;
import dev.cloudjar.services.kinesis.model.StreamRecord;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Shards: listing (with ShardFilter), SplitShard, MergeShards and UpdateShardCount. A reshard closes
 * the parents (their EndingSequenceNumber is set) and opens children naming them, as AWS does; the
 * stream is UPDATING for the configured status delay.
 */
final class KinesisShards {
    private final KinesisState state;
    private final KinesisStreams streams;
    private final Clock clock;

    KinesisShards(KinesisState state, KinesisStreams streams, Clock clock) {
        this.state = state;
        this.streams = streams;
        this.clock = clock;
    }

    StreamPage<ShardRecord> list(Target target, String nextToken, ShardQuery query) {
        int max = query.maxResults() == null ? 1000 : query.maxResults();
        if (max < 1 || max > 10000) {
            throw KinesisErrors.validation(query.maxResults(), "maxResults", max < 1
                    ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 10000");
        }
        String after = query.exclusiveStartShardId();
        String filterType = query.filterType();
        String filterShard = query.filterShardId();
        Long filterTime = query.filterTimestamp();
        if (nextToken != null) {
            String[] position = KinesisTokens.decode(nextToken, "shards", clock).split("\\|", -1);
            target = KinesisStreams.parseArn(position[0]);
            after = position[1].isEmpty() ? null : position[1];
            filterType = position[2].isEmpty() ? null : position[2];
            filterShard = position[3].isEmpty() ? null : position[3];
            filterTime = position[4].isEmpty() ? null : Long.parseLong(position[4]);
        }
        StreamRecord stream = streams.require(target);
        long horizon = clock.millis() - stream.retentionPeriodHours() * 3_600_000L;
        List<ShardRecord> matching = new ArrayList<>();
        for (ShardRecord shard : stream.shards()) {
            if (after != null && shard.shardId().compareTo(after) <= 0) {
                continue;
            }
            if (shard.closedAt() != null && shard.closedAt() < horizon) {
                continue;
            }
            if (matches(shard, filterType, filterShard, filterTime, horizon)) {
                matching.add(shard);
            }
        }
        List<ShardRecord> page = matching.subList(0, Math.min(max, matching.size()));
        String token = null;
        if (matching.size() > max) {
            String position = String.join("|", stream.streamArn(), page.get(page.size() - 1).shardId(), nz(filterType), nz(filterShard),
                    filterTime == null ? "" : filterTime.toString());
            token = KinesisTokens.encode("shards", position, clock);
        }
        return new StreamPage<>(List.copyOf(page), token != null, token);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static boolean matches(ShardRecord shard, String type, String shardId, Long timestamp, long horizon) {
        if (type == null) {
            return true;
        }
        switch (type) {
            case "AFTER_SHARD_ID":
                if (shardId == null) {
                    throw KinesisErrors.invalid("Must specify shardId for AFTER_SHARD_ID filter type.");
                }
                return shard.shardId().compareTo(shardId) > 0;
            case "AT_LATEST":
                return shard.open();
            case "AT_TRIM_HORIZON":
                return shard.openedAt() <= horizon || shard.parentShardId() == null;
            case "FROM_TRIM_HORIZON":
                return true;
            case "AT_TIMESTAMP":
                requireTimestamp(type, timestamp);
                return (shard.openedAt() <= timestamp || shard.parentShardId() == null)
                        && (shard.closedAt() == null || shard.closedAt() > timestamp);
            case "FROM_TIMESTAMP":
                requireTimestamp(type, timestamp);
                return shard.closedAt() == null || shard.closedAt() > timestamp;
            default:
                throw KinesisErrors.validation(type, "shardFilter.type", "Member must satisfy enum value set: [AT_TRIM_HORIZON,"
                        + " FROM_TRIM_HORIZON, AFTER_SHARD_ID, AT_TIMESTAMP, AT_LATEST, FROM_TIMESTAMP]");
        }
    }

    private static void requireTimestamp(String type, Long timestamp) {
        if (timestamp == null) {
            throw KinesisErrors.invalid("Must specify timestamp for " + type + " filter type.");
        }
    }

    void split(Target target, String shardToSplit, String newStartingHashKey) {
        if (shardToSplit == null) {
            throw KinesisErrors.missing("shardToSplit");
        }
        if (newStartingHashKey == null) {
            throw KinesisErrors.missing("newStartingHashKey");
        }
        BigInteger split = HashKeys.parse(newStartingHashKey);
        if (split == null) {
            throw KinesisErrors.validation(newStartingHashKey, "newStartingHashKey", "Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})");
        }
        streams.update(target, s -> {
            ShardRecord parent = s.shard(shardToSplit);
            if (parent == null || !parent.open()) {
                throw KinesisErrors.shardNotFound(target.scope(), s.streamName(), shardToSplit);
            }
            BigInteger start = new BigInteger(parent.startingHashKey());
            BigInteger end = new BigInteger(parent.endingHashKey());
            if (split.compareTo(start) <= 0 || split.compareTo(end) > 0) {
                throw KinesisErrors.invalid("NewStartingHashKey " + newStartingHashKey + " used in SplitShard() on shard "
                        + shardToSplit + " in stream " + s.streamName() + " under account " + target.scope().account()
                        + " is not both greater than one plus the shard's StartingHashKey " + start
                        + " and less than the shard's EndingHashKey " + end + ".");
            }
            checkShardLimit(target, s, 1);
            List<ShardRecord> next = new ArrayList<>();
            int index = s.nextShardIndex();
            long now = clock.millis();
            for (ShardRecord shard : s.shards()) {
                next.add(shard.shardId().equals(shardToSplit) ? shard.close(KinesisState.sequence(shard.index(),
                        state.nextCounter(target.key(), s)), now) : shard);
            }
            next.add(child(s, target, index, shardToSplit, null, start, split.subtract(BigInteger.ONE), now));
            next.add(child(s, target, index + 1, shardToSplit, null, split, end, now));
            return updating(s.withShards(next, index + 2));
        });
    }

    void merge(Target target, String shardToMerge, String adjacentShardToMerge) {
        if (shardToMerge == null) {
            throw KinesisErrors.missing("shardToMerge");
        }
        if (adjacentShardToMerge == null) {
            throw KinesisErrors.missing("adjacentShardToMerge");
        }
        streams.update(target, s -> {
            ShardRecord a = s.shard(shardToMerge);
            ShardRecord b = s.shard(adjacentShardToMerge);
            if (a == null || !a.open()) {
                throw KinesisErrors.shardNotFound(target.scope(), s.streamName(), shardToMerge);
            }
            if (b == null || !b.open()) {
                throw KinesisErrors.shardNotFound(target.scope(), s.streamName(), adjacentShardToMerge);
            }
            BigInteger aStart = new BigInteger(a.startingHashKey());
            BigInteger aEnd = new BigInteger(a.endingHashKey());
            BigInteger bStart = new BigInteger(b.startingHashKey());
            BigInteger bEnd = new BigInteger(b.endingHashKey());
            boolean adjacent = aEnd.add(BigInteger.ONE).equals(bStart) || bEnd.add(BigInteger.ONE).equals(aStart);
            if (!adjacent) {
                throw KinesisErrors.invalid("Shards " + shardToMerge + " and " + adjacentShardToMerge + " in stream "
                        + s.streamName() + " under account " + target.scope().account() + " are not an adjacent pair of shards eligible for merging");
            }
            long now = clock.millis();
            List<ShardRecord> next = new ArrayList<>();
            for (ShardRecord shard : s.shards()) {
                boolean closing = shard.shardId().equals(shardToMerge) || shard.shardId().equals(adjacentShardToMerge);
                next.add(closing ? shard.close(KinesisState.sequence(shard.index(), state.nextCounter(target.key(), s)), now) : shard);
            }
            int index = s.nextShardIndex();
            next.add(child(s, target, index, shardToMerge, adjacentShardToMerge, aStart.min(bStart), aEnd.max(bEnd), now));
            return updating(s.withShards(next, index + 1));
        });
    }

    /** UNIFORM_SCALING: the open shards close and {@code target} even shards open, each naming the parents it overlaps. */
    int[] updateShardCount(Target target, Integer targetCount, String scalingType) {
        if (targetCount == null) {
            throw KinesisErrors.missing("targetShardCount");
        }
        if (scalingType == null) {
            throw KinesisErrors.missing("scalingType");
        }
        if (!"UNIFORM_SCALING".equals(scalingType)) {
            throw KinesisErrors.validation(scalingType, "scalingType", "Member must satisfy enum value set: [UNIFORM_SCALING]");
        }
        if (targetCount < 1) {
            throw KinesisErrors.validation(targetCount, "targetShardCount", "Member must have value greater than or equal to 1");
        }
        int[] counts = new int[2];
        streams.update(target, s -> {
            List<ShardRecord> open = s.openShards();
            counts[0] = open.size();
            counts[1] = targetCount;
            if (targetCount > open.size() * 2 || targetCount * 2 < open.size()) {
                throw KinesisErrors.invalid("UpdateShardCount cannot scale up over double your current open shard count ("
                        + open.size() + ") or scale down below half your current open shard count. Requested: " + targetCount);
            }
            if (targetCount == open.size()) {
                return s;
            }
            checkShardLimit(target, s, targetCount - open.size());
            long now = clock.millis();
            List<ShardRecord> next = new ArrayList<>();
            for (ShardRecord shard : s.shards()) {
                next.add(shard.open() ? shard.close(KinesisState.sequence(shard.index(), state.nextCounter(target.key(), s)), now) : shard);
            }
            int index = s.nextShardIndex();
            for (int i = 0; i < targetCount; i++) {
                BigInteger start = HashKeys.start(i, targetCount);
                BigInteger end = HashKeys.end(i, targetCount);
                List<String> parents = new ArrayList<>();
                for (ShardRecord parent : open) {
                    if (new BigInteger(parent.startingHashKey()).compareTo(end) <= 0 && new BigInteger(parent.endingHashKey()).compareTo(start) >= 0) {
                        parents.add(parent.shardId());
                    }
                }
                next.add(child(s, target, index + i, parents.get(0), parents.size() > 1 ? parents.get(1) : null, start, end, now));
            }
            return updating(s.withShards(next, index + targetCount));
        });
        return counts;
    }

    private ShardRecord child(StreamRecord s, Target target, int index, String parent, String adjacent, BigInteger start, BigInteger end,
                              long now) {
        return new ShardRecord(KinesisStreams.shardId(index), index, parent, adjacent, start.toString(), end.toString(),
                KinesisState.sequence(index, state.nextCounter(target.key(), s)), null, now, null);
    }

    private StreamRecord updating(StreamRecord s) {
        return streams.statusDelay() > 0 ? s.withStatus("UPDATING", clock.millis() + streams.statusDelay()) : s;
    }

    private static void checkShardLimit(Target target, StreamRecord s, int added) {
        if (s.openShards().size() + added > 500) {
            throw KinesisErrors.limit("This request would exceed the shard limit for the account " + target.scope().account()
                    + " in " + target.scope().region() + ". Limit: 500.");
        }
    }
}
