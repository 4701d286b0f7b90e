package dev.cloudjar.services.kinesis;

import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.services.kinesis.model.ConsumerRecord;
import dev.cloudjar.services.kinesis.model.ShardRecord;
import dev.cloudjar.services.kinesis.model.StreamPage;
import dev.cloudjar.services.kinesis.model.StreamRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** The control plane of streams: create, delete, list, retention, encryption, monitoring, tags, consumers. */
final class KinesisStreams {
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    static final int ON_DEMAND_SHARDS = 4;
    private static final int MAX_TAGS = 50;

    private final KinesisState state;
    private final Clock clock;
    private final IdGenerator ids;
    private final long statusDelayMillis;

    KinesisStreams(KinesisState state, Clock clock, IdGenerator ids, long statusDelayMillis) {
        this.state = state;
        this.clock = clock;
        this.ids = ids;
        this.statusDelayMillis = statusDelayMillis;
    }

    long now() {
        return clock.millis();
    }

    long statusDelay() {
        return statusDelayMillis;
    }

    static String arn(Scope scope, String name) {
        return "arn:aws:kinesis:" + scope.region() + ":" + scope.account() + ":stream/" + name;
    }

    static void checkName(String name, String member) {
        if (name == null) {
            throw KinesisErrors.missing(member);
        }
        if (name.isEmpty() || name.length() > 128) {
            throw KinesisErrors.validation(name, member, "Member must have length " + (name.isEmpty()
                    ? "greater than or equal to 1" : "less than or equal to 128"));
        }
        if (!NAME.matcher(name).matches()) {
            throw KinesisErrors.validation(name, member, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
    }

    void create(Scope scope, String name, Integer shardCount, String mode, Map<String, String> tags, Integer maxRecordSizeKiB) {
        checkName(name, "streamName");
        String streamMode = mode == null ? "PROVISIONED" : mode;
        if (!"PROVISIONED".equals(streamMode) && !"ON_DEMAND".equals(streamMode)) {
            throw KinesisErrors.validation(mode, "streamModeDetails.streamMode", "Member must satisfy enum value set: [ON_DEMAND, PROVISIONED]");
        }
        if ("PROVISIONED".equals(streamMode) && shardCount == null) {
            throw KinesisErrors.invalid("ShardCount is required for PROVISIONED streams.");
        }
        if (shardCount != null && shardCount < 1) {
            throw KinesisErrors.validation(shardCount, "shardCount", "Member must have value greater than or equal to 1");
        }
        if (maxRecordSizeKiB != null) {
            checkMaxRecordSize(maxRecordSizeKiB);
        }
        int count = "ON_DEMAND".equals(streamMode) ? ON_DEMAND_SHARDS : shardCount;
        if (count > 500) {
            throw KinesisErrors.limit("This request would exceed the shard limit for the account " + scope.account()
                    + " in " + scope.region() + ". Current shard count for the account: 0. Limit: 500. Number of additional shards"
                    + " that would have resulted from this request: " + count + ". Refer to the AWS Service Limits page"
                    + " (https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to"
                    + " request higher limits.");
        }
        Map<String, String> initialTags = tags == null ? Map.of() : tags;
        checkTags(initialTags);
        String key = KinesisState.streamKey(scope, name);
        ReentrantLock lock = state.lock(key);
        lock.lock();
        try {
            if (state.get(key) != null) {
                throw KinesisErrors.streamExists(scope, name);
            }
            long now = now();
            List<ShardRecord> shards = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                shards.add(new ShardRecord(shardId(i), i, null, null, HashKeys.start(i, count).toString(),
                        HashKeys.end(i, count).toString(), KinesisState.sequence(i, 0), null, now, null));
            }
            String status = statusDelayMillis > 0 ? "CREATING" : "ACTIVE";
            state.put(key, new StreamRecord(name, arn(scope, name), ids.uuid(), status, now + statusDelayMillis, streamMode, 24, now,
                    "NONE", null, List.of(), initialTags, shards, List.of(), count, maxRecordSizeKiB == null ? KinesisRecords.MIN_RECORD_SIZE_KIB : maxRecordSizeKiB));
        } finally {
            lock.unlock();
        }
    }

    static String shardId(int index) {
        return String.format("shardId-%012d", index);
    }

    /** The stream a request names by StreamName or StreamARN (the ARN's account and region win). */
    Target target(Scope scope, String name, String arn) {
        if (arn != null) {
            Target parsed = parseArn(arn);
            if (name != null && !name.equals(parsed.name())) {
                throw KinesisErrors.invalid("StreamARN " + arn + " does not match StreamName " + name + ".");
            }
            return parsed;
        }
        checkName(name, "streamName");
        return new Target(scope, name);
    }

    static Target parseArn(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("kinesis") || !parts[4].matches("\\d{12}")
                || !parts[5].startsWith("stream/")) {
            throw KinesisErrors.validation(arn, "streamARN", "Member must satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+");
        }
        String rest = parts[5].substring("stream/".length());
        int slash = rest.indexOf('/');
        return new Target(new Scope(parts[4], parts[3]), slash < 0 ? rest : rest.substring(0, slash));
    }

    /** A stream by scope and name. */
    record Target(Scope scope, String name) {
        String key() {
            return KinesisState.streamKey(scope, name);
        }
    }

    StreamRecord require(Target target) {
        StreamRecord stream = state.get(target.key());
        if (stream == null) {
            throw KinesisErrors.streamNotFound(target.scope(), target.name());
        }
        return stream;
    }

    /** The stream, which must be ACTIVE (changes are refused while it is CREATING or UPDATING). */
    StreamRecord requireActive(Target target) {
        StreamRecord stream = require(target);
        String status = stream.statusAt(now());
        if (!"ACTIVE".equals(status)) {
            throw KinesisErrors.notActive(target.scope(), target.name(), status);
        }
        return stream;
    }

    /** Applies a change to an ACTIVE stream under its lock and stores it. */
    StreamRecord update(Target target, UnaryOperator<StreamRecord> change) {
        ReentrantLock lock = state.lock(target.key());
        lock.lock();
        try {
            StreamRecord updated = change.apply(requireActive(target));
            state.put(target.key(), updated);
            return updated;
        } finally {
            lock.unlock();
        }
    }

    /** Deletes the stream and its records; consumers must be gone unless EnforceConsumerDeletion. */
    StreamRecord delete(Target target, boolean enforceConsumerDeletion) {
        ReentrantLock lock = state.lock(target.key());
        lock.lock();
        StreamRecord stream;
        try {
            stream = require(target);
            String status = stream.statusAt(now());
            if ("CREATING".equals(status)) {
                throw KinesisErrors.notActive(target.scope(), target.name(), status);
            }
            if (!stream.consumers().isEmpty() && !enforceConsumerDeletion) {
                throw KinesisErrors.inUse("Stream " + target.name() + " under account " + target.scope().account()
                        + " has registered consumers.");
            }
            state.remove(target.key());
            state.forget(stream);
        } finally {
            lock.unlock();
        }
        String prefix = target.key() + "#" + stream.streamId() + "#";
        List<String> keys = new ArrayList<>();
        for (String k : state.records.keys(prefix, KeyRanges.prefixEnd(prefix))) {
            keys.add(k);
        }
        keys.forEach(state.records::remove);
        return stream;
    }

    StreamPage<StreamRecord> list(Scope scope, Integer limit, String exclusiveStart, String nextToken) {
        if (limit != null && (limit < 1 || limit > 10000)) {
            throw KinesisErrors.validation(limit, "limit", limit < 1 ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 10000");
        }
        int max = limit == null ? 100 : limit;
        String after = exclusiveStart;
        if (nextToken != null) {
            after = KinesisTokens.decode(nextToken, "streams", clock);
        }
        String prefix = scope.account() + "/" + scope.region() + "/";
        String from = after == null ? prefix : prefix + after + KeyRanges.SEPARATOR;
        List<StreamRecord> page = new ArrayList<>();
        boolean more = false;
        for (Map.Entry<String, StreamRecord> entry : state.streams.range(from, KeyRanges.prefixEnd(prefix))) {
            if (page.size() == max) {
                more = true;
                break;
            }
            page.add(state.get(entry.getKey()));
        }
        String token = more ? KinesisTokens.encode("streams", page.get(page.size() - 1).streamName(), clock) : null;
        return new StreamPage<>(page, more, token);
    }

    /**
     * UpdateStreamMode: a different mode puts the stream in UPDATING for the status delay, as AWS does; the
     * mode it already has changes nothing (Terraform sends it on every refresh). The shards stay as they are.
     */
    void updateMode(Target target, String mode) {
        if (mode == null) {
            throw KinesisErrors.missing("streamModeDetails.streamMode");
        }
        if (!"PROVISIONED".equals(mode) && !"ON_DEMAND".equals(mode)) {
            throw KinesisErrors.validation(mode, "streamModeDetails.streamMode", "Member must satisfy enum value set: [ON_DEMAND, PROVISIONED]");
        }
        update(target, s -> {
            if (mode.equals(s.streamMode())) {
                return s;
            }
            StreamRecord switched = s.withMode(mode);
            return statusDelayMillis > 0 ? switched.withStatus("UPDATING", now() + statusDelayMillis) : switched;
        });
    }

    private static void checkMaxRecordSize(int kib) {
        if (kib < KinesisRecords.MIN_RECORD_SIZE_KIB || kib > KinesisRecords.MAX_RECORD_SIZE_KIB) {
            throw KinesisErrors.validation(kib, "maxRecordSizeInKiB", kib < KinesisRecords.MIN_RECORD_SIZE_KIB
                    ? "Member must have value greater than or equal to " + KinesisRecords.MIN_RECORD_SIZE_KIB
                    : "Member must have value less than or equal to " + KinesisRecords.MAX_RECORD_SIZE_KIB);
        }
    }

    /** UpdateMaxRecordSize: the largest record PutRecord(s) accepts from now on, 1 to 10 MiB as AWS allows. */
    void updateMaxRecordSize(Target target, Integer kib) {
        if (kib == null) {
            throw KinesisErrors.missing("maxRecordSizeInKiB");
        }
        checkMaxRecordSize(kib);
        update(target, s -> {
            if (s.maxRecordSizeInKiB() == kib) {
                return s;
            }
            StreamRecord resized = s.withMaxRecordSize(kib);
            return statusDelayMillis > 0 ? resized.withStatus("UPDATING", now() + statusDelayMillis) : resized;
        });
    }

    // ---- retention, encryption, monitoring ----

    void increaseRetention(Target target, Integer hours) {
        checkRetention(hours);
        update(target, s -> {
            if (hours < s.retentionPeriodHours()) {
                throw KinesisErrors.invalid("Requested retention period (" + hours + " hours) for stream " + s.streamName()
                        + " can not be shorter than existing retention period (" + s.retentionPeriodHours()
                        + " hours). Use DecreaseRetentionPeriod API.");
            }
            return s.withRetention(hours);
        });
    }

    void decreaseRetention(Target target, Integer hours) {
        checkRetention(hours);
        update(target, s -> {
            if (hours > s.retentionPeriodHours()) {
                throw KinesisErrors.invalid("Requested retention period (" + hours + " hours) for stream " + s.streamName()
                        + " can not be longer than existing retention period (" + s.retentionPeriodHours()
                        + " hours). Use IncreaseRetentionPeriod API.");
            }
            return s.withRetention(hours);
        });
    }

    private static void checkRetention(Integer hours) {
        if (hours == null) {
            throw KinesisErrors.missing("retentionPeriodHours");
        }
        if (hours < 24) {
            throw KinesisErrors.invalid("Minimum allowed retention period is 24 hours. Requested retention period (" + hours
                    + " hours) is too short.");
        }
        if (hours > 8760) {
            throw KinesisErrors.invalid("Maximum allowed retention period is 8760 hours. Requested retention period (" + hours
                    + " hours) is too long.");
        }
    }

    void startEncryption(Target target, String type, String keyId) {
        if (type == null) {
            throw KinesisErrors.missing("encryptionType");
        }
        if (keyId == null) {
            throw KinesisErrors.missing("keyId");
        }
        if (!"KMS".equals(type)) {
            throw KinesisErrors.invalid("Encryption type " + type + " is not supported. Use KMS.");
        }
        update(target, s -> s.withEncryption("KMS", keyId));
    }

    void stopEncryption(Target target, String type, String keyId) {
        if (type == null) {
            throw KinesisErrors.missing("encryptionType");
        }
        update(target, s -> s.withEncryption("NONE", null));
    }

    /** Returns {current, desired} metric lists. */
    List<List<String>> monitoring(Target target, List<String> metrics, boolean enable) {
        if (metrics == null || metrics.isEmpty()) {
            throw KinesisErrors.missing("shardLevelMetrics");
        }
        List<String> all = List.of("IncomingBytes", "IncomingRecords", "OutgoingBytes", "OutgoingRecords",
                "WriteProvisionedThroughputExceeded", "ReadProvisionedThroughputExceeded", "IteratorAgeMilliseconds");
        List<String> requested = metrics.contains("ALL") ? all : metrics;
        for (String metric : requested) {
            if (!all.contains(metric)) {
                throw KinesisErrors.validation(metrics, "shardLevelMetrics", "Member must satisfy constraint: "
                        + "[Member must satisfy enum value set: [IncomingBytes, OutgoingRecords, IteratorAgeMilliseconds,"
                        + " IncomingRecords, ReadProvisionedThroughputExceeded, WriteProvisionedThroughputExceeded, OutgoingBytes, ALL]]");
            }
        }
        List<String> before = require(target).shardLevelMetrics();
        StreamRecord after = update(target, s -> {
            List<String> next = new ArrayList<>(s.shardLevelMetrics());
            for (String metric : requested) {
                next.remove(metric);
                if (enable) {
                    next.add(metric);
                }
            }
            return s.withMetrics(next);
        });
        return List.of(before, after.shardLevelMetrics());
    }

    // ---- tags ----

    void addTags(Target target, Map<String, String> tags) {
        if (tags == null) {
            throw KinesisErrors.missing("tags");
        }
        checkTags(tags);
        update(target, s -> {
            Map<String, String> next = new TreeMap<>(s.tags());
            next.putAll(tags);
            if (next.size() > MAX_TAGS) {
                throw KinesisErrors.invalid("Failed to add tags to stream " + s.streamName() + " under account "
                        + target.scope().account() + " because a given stream cannot have more than 50 tags associated with it.");
            }
            return s.withTags(next);
        });
    }

    void removeTags(Target target, List<String> keys) {
        if (keys == null) {
            throw KinesisErrors.missing("tagKeys");
        }
        update(target, s -> {
            Map<String, String> next = new TreeMap<>(s.tags());
            keys.forEach(next::remove);
            return s.withTags(next);
        });
    }

    private static void checkTags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw KinesisErrors.validation(tags, "tags", "Member must have length less than or equal to 50");
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().isEmpty() || tag.getKey().length() > 128) {
                throw KinesisErrors.invalid("Failed to add tags because a tag key was empty or longer than 128 characters.");
            }
            if (tag.getValue() != null && tag.getValue().length() > 256) {
                throw KinesisErrors.invalid("Failed to add tags because a tag value was longer than 256 characters.");
            }
        }
    }

    // ---- consumers ----

    ConsumerRecord registerConsumer(String streamArn, String name) {
        if (streamArn == null) {
            throw KinesisErrors.missing("streamARN");
        }
        checkName(name, "consumerName");
        Target target = parseArn(streamArn);
        ConsumerRecord[] created = new ConsumerRecord[1];
        update(target, s -> {
            for (ConsumerRecord c : s.consumers()) {
                if (c.consumerName().equals(name)) {
                    throw KinesisErrors.inUse("Consumer " + c.consumerArn() + " under account " + target.scope().account()
                            + " already exists.");
                }
            }
            if (s.consumers().size() >= 20) {
                throw KinesisErrors.limit("Consumer limit of 20 reached for stream " + s.streamArn() + ".");
            }
            long now = now();
            created[0] = new ConsumerRecord(name, s.streamArn() + "/consumer/" + name + ":" + now / 1000, now);
            List<ConsumerRecord> next = new ArrayList<>(s.consumers());
            next.add(created[0]);
            return s.withConsumers(next);
        });
        return created[0];
    }

    /** A consumer by stream ARN and name, or by its own ARN. */
    ConsumerRecord consumer(String streamArn, String name, String consumerArn) {
        String stream = streamArn;
        if (consumerArn != null) {
            int at = consumerArn.indexOf("/consumer/");
            if (at < 0) {
                throw KinesisErrors.validation(consumerArn, "consumerARN", "Member must satisfy regular expression pattern: "
                        + "^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+");
            }
            stream = consumerArn.substring(0, at);
        } else if (streamArn == null || name == null) {
            throw KinesisErrors.invalid("Either ConsumerARN or both StreamARN and ConsumerName must be provided.");
        }
        Target target = parseArn(stream);
        StreamRecord s = state.get(target.key());
        if (s != null) {
            for (ConsumerRecord c : s.consumers()) {
                if (consumerArn != null ? c.consumerArn().equals(consumerArn) : c.consumerName().equals(name)) {
                    return c;
                }
            }
        }
        throw KinesisErrors.resourceNotFound("Consumer " + (consumerArn != null ? consumerArn : name) + " under account "
                + target.scope().account() + " not found.");
    }

    void deregisterConsumer(String streamArn, String name, String consumerArn) {
        ConsumerRecord consumer = consumer(streamArn, name, consumerArn);
        Target target = parseArn(consumer.consumerArn().substring(0, consumer.consumerArn().indexOf("/consumer/")));
        update(target, s -> {
            List<ConsumerRecord> next = new ArrayList<>(s.consumers());
            next.removeIf(c -> c.consumerArn().equals(consumer.consumerArn()));
            return s.withConsumers(next);
        });
    }

    StreamPage<ConsumerRecord> listConsumers(String streamArn, Integer maxResults, String nextToken) {
        if (streamArn == null) {
            throw KinesisErrors.missing("streamARN");
        }
        StreamRecord stream = require(parseArn(streamArn));
        int max = maxResults == null ? 100 : maxResults;
        if (max < 1 || max > 10000) {
            throw KinesisErrors.validation(maxResults, "maxResults", max < 1 ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 10000");
        }
        int from = nextToken == null ? 0 : Integer.parseInt(KinesisTokens.decode(nextToken, "consumers", clock));
        List<ConsumerRecord> all = stream.consumers();
        int to = Math.min(all.size(), from + max);
        String token = to < all.size() ? KinesisTokens.encode("consumers", Integer.toString(to), clock) : null;
        return new StreamPage<>(all.subList(Math.min(from, all.size()), to), token != null, token);
    }
}
