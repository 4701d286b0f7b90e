package dev.cloudjar.services.sns;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.Scope;
import dev.cloudjar.core.StripedLocks;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.persistence.StateStore;
import dev.cloudjar.services.sns.filter.FilterPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SNS's stored state and the in-memory views derived from it. The store is the truth; the topic
 * cache and the per-topic fan-out lists (subscriptions with parsed filter policies) are rebuilt from
 * it on a miss and dropped under the topic's lock after every change, so they never outlive a write.
 */
final class SnsState {
    /** A confirmed subscription ready for fan-out: its record and its parsed filter policy (or null). */
    record Active(SubscriptionRecord subscription, FilterPolicy filter) {
    }

    final PersistentMap<TopicRecord> topics;
    final PersistentMap<SubscriptionRecord> subscriptions;
    final PersistentMap<String> tokens;
    private final StripedLocks locks = new StripedLocks(64);
    private final Map<String, TopicRecord> topicCache = new ConcurrentHashMap<>();
    private final Map<String, List<Active>> fanout = new ConcurrentHashMap<>();
    private static final TopicRecord MISSING = new TopicRecord(0, "", "", Map.of(), Map.of(), 0);

    SnsState(StateStore store) {
        this.topics = store.map("sns.topics", TopicRecord.class);
        this.subscriptions = store.map("sns.subscriptions", SubscriptionRecord.class);
        this.tokens = store.map("sns.tokens", String.class);
    }

    ReentrantLock lock(String topicArn) {
        return locks.lockFor(topicArn);
    }

    static String topicKey(Scope scope, String name) {
        return KeyRanges.compose(scope.account(), scope.region(), name);
    }

    static String topicKey(Arn topicArn) {
        return KeyRanges.compose(topicArn.account(), topicArn.region(), topicArn.resource());
    }

    static String scopePrefix(Scope scope) {
        return KeyRanges.compose(scope.account(), scope.region(), "");
    }

    /** Subscriptions of a topic sort together: account, region, topic name, subscription id. */
    static String subscriptionKey(Arn topicArn, String id) {
        return KeyRanges.compose(topicArn.account(), topicArn.region(), topicArn.resource(), id);
    }

    static String topicSubscriptionsPrefix(Arn topicArn) {
        return KeyRanges.compose(topicArn.account(), topicArn.region(), topicArn.resource(), "");
    }

    /** The stored key of a subscription ARN ({@code <topic arn>:<id>}), or null when it has no such shape. */
    static String subscriptionKey(String subscriptionArn) {
        int colon = subscriptionArn.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        Arn topic = Arn.parseOrNull(subscriptionArn.substring(0, colon));
        if (topic == null || topic.resource().isEmpty() || topic.resource().contains(":")) {
            return null;
        }
        return subscriptionKey(topic, subscriptionArn.substring(colon + 1));
    }

    TopicRecord topic(Arn arn) {
        TopicRecord cached = topicCache.computeIfAbsent(arn.toString(), k -> {
            TopicRecord stored = topics.get(topicKey(arn));
            return stored == null ? MISSING : stored;
        });
        return cached == MISSING ? null : cached;
    }

    SubscriptionRecord subscription(String subscriptionArn) {
        String key = subscriptionKey(subscriptionArn);
        return key == null ? null : subscriptions.get(key);
    }

    List<SubscriptionRecord> subscriptionsOf(Arn topicArn) {
        List<SubscriptionRecord> result = new ArrayList<>();
        for (Map.Entry<String, SubscriptionRecord> entry : subscriptions.prefix(topicSubscriptionsPrefix(topicArn))) {
            result.add(entry.getValue());
        }
        return result;
    }

    /**
     * Subscriptions of a topic that get messages, with parsed filter policies, cached until the topic
     * changes: the confirmed ones only. As on AWS, a pending HTTP(S) or email subscription gets nothing
     * before it confirms (in CloudJar, by following the SubscribeURL of the confirmation in the outbox).
     */
    List<Active> activeSubscriptions(Arn topicArn) {
        return fanout.computeIfAbsent(topicArn.toString(), k -> {
            List<Active> active = new ArrayList<>();
            for (SubscriptionRecord subscription : subscriptionsOf(topicArn)) {
                if (!subscription.pendingConfirmation()) {
                    active.add(new Active(subscription, SubscriptionAttributes.compiledFilter(subscription)));
                }
            }
            return List.copyOf(active);
        });
    }

    /** Drops the derived views of a topic; call after a write, while holding the topic's lock. */
    void changed(String topicArn) {
        topicCache.remove(topicArn);
        fanout.remove(topicArn);
    }

    void clearCaches() {
        topicCache.clear();
        fanout.clear();
    }
}
