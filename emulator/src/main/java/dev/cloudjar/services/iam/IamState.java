package dev.cloudjar.services.iam;

import dev.cloudjar.core.PageToken;
import dev.cloudjar.core.StripedLocks;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.persistence.StateStore;
import dev.cloudjar.services.iam.model.AccessKeyRecord;
import dev.cloudjar.services.iam.model.IamPage;
import dev.cloudjar.services.iam.model.InstanceProfileRecord;
import dev.cloudjar.services.iam.model.ManagedPolicyRecord;
import dev.cloudjar.services.iam.model.RoleRecord;
import dev.cloudjar.services.iam.model.UserRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * IAM's stored state. IAM is global, so every key starts with the account alone; names are keyed in
 * lower case because IAM names are unique regardless of case ("Role" and "role" are one role).
 */
final class IamState {
    final PersistentMap<RoleRecord> roles;
    final PersistentMap<ManagedPolicyRecord> policies;
    final PersistentMap<UserRecord> users;
    final PersistentMap<AccessKeyRecord> accessKeys;
    final PersistentMap<InstanceProfileRecord> instanceProfiles;
    private final StripedLocks locks = new StripedLocks(16);

    IamState(StateStore store) {
        this.roles = store.map("iam.roles", RoleRecord.class);
        this.policies = store.map("iam.policies", ManagedPolicyRecord.class);
        this.users = store.map("iam.users", UserRecord.class);
        this.accessKeys = store.map("iam.accessKeys", AccessKeyRecord.class);
        this.instanceProfiles = store.map("iam.instanceProfiles", InstanceProfileRecord.class);
    }

    /** Writes to one account are serialised: IAM's cross-entity rules (attachments, delete conflicts) need that. */
    ReentrantLock lock(String account) {
        return locks.lockFor(account);
    }

    static String key(String account, String name) {
        return KeyRanges.compose(account, name.toLowerCase(Locale.ROOT));
    }

    static String accountPrefix(String account) {
        return KeyRanges.compose(account, "");
    }

    static <V> List<V> all(PersistentMap<V> map, String account) {
        List<V> result = new ArrayList<>();
        for (Map.Entry<String, V> entry : map.prefix(accountPrefix(account))) {
            result.add(entry.getValue());
        }
        return result;
    }

    /**
     * One page of items already in listing order: after the item whose sort key the marker carries,
     * at most {@code maxItems}, and a marker when more remain.
     */
    static <T> IamPage<T> page(List<T> ordered, Function<T, String> sortKey, String marker, int maxItems) {
        int start = 0;
        if (marker != null) {
            String after = PageToken.decodeOrNull(marker);
            if (after == null) {
                throw IamErrors.validation("Invalid Marker.");
            }
            while (start < ordered.size() && sortKey.apply(ordered.get(start)).compareTo(after) <= 0) {
                start++;
            }
        }
        int end = Math.min(ordered.size(), start + maxItems);
        List<T> items = List.copyOf(ordered.subList(start, end));
        String next = end < ordered.size() ? PageToken.encode(sortKey.apply(ordered.get(end - 1))) : null;
        return new IamPage<>(items, next);
    }

    /** One page of items kept in insertion order (tags, attachments): the marker carries a position. */
    static <T> IamPage<T> pageInOrder(List<T> items, String marker, int maxItems) {
        List<Integer> positions = IntStream.range(0, items.size()).boxed().toList();
        IamPage<Integer> page = page(positions, i -> String.format("%010d", i), marker, maxItems);
        return new IamPage<>(page.items().stream().map(items::get).toList(), page.marker());
    }
}
