package dev.cloudjar.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.PageToken;
import dev.cloudjar.core.Scope;
import dev.cloudjar.core.Utf8Order;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.sqs.engine.MessageQueue;
import dev.cloudjar.services.sqs.engine.MessageStore;
import dev.cloudjar.services.sqs.engine.QueueAttributes;
import dev.cloudjar.services.sqs.engine.QueueName;
import dev.cloudjar.services.sqs.engine.SqsErrors;
import dev.cloudjar.services.sqs.engine.StoredQueue;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The queue registry: queue definitions in the store ({@code sqs.queues}) and their live
 * {@link MessageQueue}s in memory; CreateQueue idempotency, attributes as GetQueueAttributes shows
 * them, tags and permissions. Definition changes are serialised on this object.
 */
final class SqsQueues {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The actions AddPermission may grant to another account; the rest are the owner's. */
    private static final List<String> GRANTABLE = List.of("*", "ChangeMessageVisibility", "DeleteMessage",
            "GetQueueAttributes", "GetQueueUrl", "ListDeadLetterSourceQueues", "PurgeQueue", "ReceiveMessage", "SendMessage");
    private static final long DELETE_COOLDOWN_MILLIS = 60_000;
    private static final List<String> REMOVABLE = List.of("Policy", "RedrivePolicy", "RedriveAllowPolicy", "KmsMasterKeyId");

    private final PersistentMap<StoredQueue> map;
    private final Clock clock;
    private final Function<StoredQueue, MessageQueue> factory;
    private final MessageStore messages;
    private final Map<String, MessageQueue> live = new ConcurrentHashMap<>();
    /** Queue key to the millis of its DeleteQueue: AWS refuses the name for 60 s afterwards. */
    private final Map<String, Long> deletedAt = new ConcurrentHashMap<>();

    SqsQueues(PersistentMap<StoredQueue> map, Clock clock, Function<StoredQueue, MessageQueue> factory, MessageStore messages) {
        this.map = map;
        this.clock = clock;
        this.factory = factory;
        this.messages = messages;
        for (Map.Entry<String, StoredQueue> e : map.range(null, null)) {
            live.put(e.getKey(), factory.apply(e.getValue()));
        }
    }

    MessageQueue find(QueueName name) {
        return name == null ? null : live.get(name.key());
    }

    /** The queue owning a message store key ({@code queueKey \0 sequence}). */
    MessageQueue byStoreKey(String messageKey) {
        int cut = messageKey.lastIndexOf(KeyRanges.SEPARATOR);
        return cut < 0 ? null : live.get(messageKey.substring(0, cut));
    }

    Stream<MessageQueue> all() {
        return live.values().stream();
    }

    synchronized QueueName create(Scope scope, String name, Map<String, String> attributes, Map<String, String> tags) {
        QueueName id = new QueueName(scope.account(), scope.region(), name);
        MessageQueue existing = live.get(id.key());
        if (existing != null) {
            StoredQueue stored = existing.stored();
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                String current = effective(stored, e.getKey());
                if (!e.getValue().equals(current == null ? "" : current)) {
                    throw SqsErrors.queueAlreadyExists(e.getKey());
                }
            }
            return existing.name();
        }
        Long deleted = deletedAt.get(id.key());
        if (deleted != null) {
            if (clock.millis() - deleted < DELETE_COOLDOWN_MILLIS) {
                throw SqsErrors.queueDeletedRecently();
            }
            deletedAt.remove(id.key());
        }
        checkTags(name, tags, 0);
        long now = clock.millis() / 1000;
        StoredQueue stored = new StoredQueue(StoredQueue.CURRENT_VERSION, scope.account(), scope.region(), name,
                withoutEmpty(attributes), new TreeMap<>(tags), now, now);
        map.put(id.key(), stored);
        live.put(id.key(), factory.apply(stored));
        return id;
    }

    private static Map<String, String> withoutEmpty(Map<String, String> attributes) {
        Map<String, String> out = new TreeMap<>(attributes);
        out.entrySet().removeIf(e -> REMOVABLE.contains(e.getKey()) && e.getValue().isEmpty());
        return out;
    }

    synchronized void delete(MessageQueue queue) {
        String key = queue.name().key();
        map.remove(key);
        live.remove(key);
        deletedAt.put(key, clock.millis());
        queue.markDeleted();
    }

    SqsBackend.QueuePage list(Scope scope, String prefix, Integer maxResults, String nextToken, Predicate<MessageQueue> filter) {
        if (maxResults != null && (maxResults < 1 || maxResults > 1000)) {
            throw SqsErrors.invalidParameter(maxResults, "MaxResults", "MaxResults must be an integer between 1 and 1000.");
        }
        String after = nextToken == null || nextToken.isEmpty() ? null : PageToken.decodeOrNull(nextToken);
        if (nextToken != null && !nextToken.isEmpty() && after == null) {
            throw SqsErrors.invalidParameterValue("Invalid NextToken value.");
        }
        List<QueueName> names = new ArrayList<>();
        for (MessageQueue q : live.values()) {
            QueueName n = q.name();
            if (n.account().equals(scope.account()) && n.region().equals(scope.region())
                    && (prefix == null || n.name().startsWith(prefix)) && filter.test(q)) {
                names.add(n);
            }
        }
        Comparator<QueueName> byName = (a, b) -> Utf8Order.COMPARATOR.compare(a.name(), b.name());
        names.sort(byName);
        int start = 0;
        if (after != null) {
            while (start < names.size() && Utf8Order.COMPARATOR.compare(names.get(start).name(), after) <= 0) {
                start++;
            }
        }
        int limit = maxResults == null ? 1000 : maxResults;
        int end = Math.min(names.size(), start + limit);
        List<QueueName> page = new ArrayList<>(names.subList(start, end));
        String token = maxResults != null && end < names.size() ? PageToken.encode(page.get(page.size() - 1).name()) : null;
        return new SqsBackend.QueuePage(page, token);
    }

    Map<String, String> attributes(MessageQueue queue, List<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        if (names == null || names.isEmpty()) {
            return out;
        }
        boolean all = false;
        for (String n : names) {
            if ("All".equals(n)) {
                all = true;
            } else if (!QueueAttributes.ALL_NAMES.contains(n)) {
                throw SqsErrors.invalidAttributeName(n);
            }
        }
        StoredQueue stored = queue.stored();
        long[] counts = null;
        for (String name : QueueAttributes.ALL_NAMES) {
            if (!all && !names.contains(name)) {
                continue;
            }
            String value;
            switch (name) {
                case "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed" -> {
                    counts = counts == null ? queue.counts() : counts;
                    int index = name.endsWith("NotVisible") ? 1 : name.endsWith("Delayed") ? 2 : 0;
                    value = Long.toString(counts[index]);
                }
                case "CreatedTimestamp" -> value = Long.toString(stored.createdTimestamp());
                case "LastModifiedTimestamp" -> value = Long.toString(stored.lastModifiedTimestamp());
                case "QueueArn" -> value = queue.name().arn();
                default -> value = effective(stored, name);
            }
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }

    private static String effective(StoredQueue stored, String name) {
        String value = stored.attributes().get(name);
        return value != null ? value : QueueAttributes.defaultValue(name, "true".equals(stored.attributes().get("FifoQueue")), stored.attributes());
    }

    synchronized void setAttributes(MessageQueue queue, Map<String, String> changes) {
        StoredQueue s = queue.stored();
        Map<String, String> attributes = new TreeMap<>(s.attributes());
        for (Map.Entry<String, String> e : changes.entrySet()) {
            if (REMOVABLE.contains(e.getKey()) && e.getValue().isEmpty()) {
                attributes.remove(e.getKey());
            } else {
                attributes.put(e.getKey(), e.getValue());
            }
        }
        save(queue, new StoredQueue(s.version(), s.account(), s.region(), s.name(), attributes, s.tags(),
                s.createdTimestamp(), clock.millis() / 1000));
    }

    synchronized void tag(MessageQueue queue, Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            throw SqsErrors.missingParameter("Tags");
        }
        StoredQueue s = queue.stored();
        Map<String, String> next = new TreeMap<>(s.tags());
        checkTags(s.name(), tags, 0);
        next.putAll(tags);
        checkTags(s.name(), next, 0);
        save(queue, new StoredQueue(s.version(), s.account(), s.region(), s.name(), s.attributes(), next,
                s.createdTimestamp(), s.lastModifiedTimestamp()));
    }

    synchronized void untag(MessageQueue queue, List<String> keys) {
        StoredQueue s = queue.stored();
        if (keys == null || keys.isEmpty()) {
            throw SqsErrors.invalidParameterValue("Tag keys must be between 1 and 128 characters in length.");
        }
        Map<String, String> next = new TreeMap<>(s.tags());
        keys.forEach(next::remove);
        save(queue, new StoredQueue(s.version(), s.account(), s.region(), s.name(), s.attributes(), next,
                s.createdTimestamp(), s.lastModifiedTimestamp()));
    }

    private static void checkTags(String queueName, Map<String, String> tags, int existing) {
        if (tags.size() + existing > 50) {
            throw SqsErrors.invalidParameterValue("Too many tags added for queue " + queueName + ".");
        }
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty() || e.getKey().length() > 128) {
                throw SqsErrors.invalidParameterValue("Tag keys must be between 1 and 128 characters in length.");
            }
            if (e.getValue() == null || e.getValue().length() > 256) {
                throw SqsErrors.invalidParameterValue("Tag values must be between 0 and 256 characters in length.");
            }
        }
    }

    synchronized void addPermission(MessageQueue queue, String label, List<String> accounts, List<String> actions) {
        if (label == null || label.isEmpty()) {
            throw SqsErrors.missingParameter("Label");
        }
        // AWS's order: actions present, accounts present, the action count, then each action grantable.
        if (actions == null || actions.isEmpty()) {
            throw SqsErrors.missingParameter("Actions");
        }
        if (accounts == null || accounts.isEmpty()) {
            throw SqsErrors.invalidParameter("[]", "PrincipalId", "Unable to verify.");
        }
        if (actions.size() > 7) {
            throw SqsErrors.overLimit(actions.size() + " Actions were found, maximum allowed is 7.");
        }
        for (String action : actions) {
            if (!GRANTABLE.contains(action)) {
                throw SqsErrors.invalidParameter("SQS:" + action, "ActionName", "Only the queue owner is allowed to invoke this action.");
            }
        }
        ObjectNode policy = policy(queue);
        ArrayNode statements = policy.withArray("Statement");
        for (JsonNode st : statements) {
            if (label.equals(st.path("Sid").asText())) {
                throw SqsErrors.invalidParameter(label, "Label", "Already exists.");
            }
        }
        ObjectNode st = statements.addObject();
        st.put("Sid", label).put("Effect", "Allow");
        ArrayNode principals = st.putObject("Principal").putArray("AWS");
        accounts.forEach(a -> principals.add("arn:aws:iam::" + a + ":root"));
        ArrayNode actionList = st.putArray("Action");
        actions.forEach(a -> actionList.add("SQS:" + a));
        st.put("Resource", queue.name().arn());
        setAttributes(queue, Map.of("Policy", policy.toString()));
    }

    synchronized void removePermission(MessageQueue queue, String label) {
        ObjectNode policy = policy(queue);
        ArrayNode statements = policy.withArray("Statement");
        for (int i = 0; i < statements.size(); i++) {
            if (label != null && label.equals(statements.get(i).path("Sid").asText())) {
                statements.remove(i);
                setAttributes(queue, Map.of("Policy", statements.isEmpty() ? "" : policy.toString()));
                return;
            }
        }
        throw SqsErrors.invalidParameter(label, "Label", "can't find label on existing policy.");
    }

    private static ObjectNode policy(MessageQueue queue) {
        String text = queue.stored().attributes().get("Policy");
        try {
            if (text != null && !text.isEmpty() && JSON.readTree(text) instanceof ObjectNode node) {
                return node;
            }
        } catch (IOException ignored) {
            // replaced by a fresh policy below
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("Version", "2012-10-17").put("Id", queue.name().arn() + "/SQSDefaultPolicy");
        return node;
    }

    private void save(MessageQueue queue, StoredQueue next) {
        map.put(queue.name().key(), next);
        queue.update(next);
    }

    void sweepExpired() {
        for (MessageQueue q : live.values()) {
            try {
                q.sweepExpired();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(SqsQueues.class).warn("retention sweep failed for {}", q.name(), e);
            }
        }
    }

    synchronized void clear() {
        for (MessageQueue q : live.values()) {
            q.markDeleted();
        }
        live.clear();
        map.clear();
        messages.clear();
    }
}
