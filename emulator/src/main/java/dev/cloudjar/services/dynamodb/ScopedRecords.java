package dev.cloudjar.services.dynamodb;

import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.dynamodb.backup.ExportsPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Paging and lookup over records keyed by (account, region, id): exports and imports. */
final class ScopedRecords {
    private ScopedRecords() {
    }

    /** Up to {@code max} records of the scope that {@code keep} accepts, from the id {@code nextToken} on. */
    static <T> ExportsPage<T> page(PersistentMap<T> map, Scope scope, Predicate<T> keep, int max, String nextToken) {
        String prefix = KeyRanges.compose(scope.account(), scope.region(), "");
        String from = nextToken == null ? prefix : prefix + nextToken;
        List<T> page = new ArrayList<>();
        for (Map.Entry<String, T> e : map.range(from, KeyRanges.prefixEnd(prefix))) {
            if (!keep.test(e.getValue())) {
                continue;
            }
            if (page.size() == max) {
                return new ExportsPage<>(page, e.getKey().substring(prefix.length()));
            }
            page.add(e.getValue());
        }
        return new ExportsPage<>(page, null);
    }

    /** The first record of the scope that matches, or null. */
    static <T> T first(PersistentMap<T> map, Scope scope, Predicate<T> match) {
        String prefix = KeyRanges.compose(scope.account(), scope.region(), "");
        for (Map.Entry<String, T> e : map.range(prefix, KeyRanges.prefixEnd(prefix))) {
            if (match.test(e.getValue())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The record whose ARN ends in {@code /<kind>/<id>}, or null. */
    static <T> T byArn(PersistentMap<T> map, Scope scope, String arn, String kind) {
        int at = arn == null ? -1 : arn.lastIndexOf("/" + kind + "/");
        return at < 0 ? null : map.get(KeyRanges.compose(scope.account(), scope.region(), arn.substring(at + kind.length() + 2)));
    }
}
