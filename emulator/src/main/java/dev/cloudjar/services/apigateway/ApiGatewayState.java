package dev.cloudjar.services.apigateway;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Scope;
import dev.cloudjar.core.StripedLocks;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.apigateway.model.ApiKeyRecord;
import dev.cloudjar.services.apigateway.model.HttpApiRecord;
import dev.cloudjar.services.apigateway.model.RestApiRecord;
import dev.cloudjar.services.apigateway.model.UsagePlanRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * API Gateway's stored state, keyed by account and region; one record per API holds its whole tree.
 * Decoded APIs are kept in a write-through cache: the invoke path reads an API on every request.
 * An index from API id to its scope lets unsigned invoke requests (which name no region) find it.
 */
final class ApiGatewayState {
    final PersistentMap<RestApiRecord> restApis;
    final PersistentMap<HttpApiRecord> httpApis;
    final PersistentMap<ApiKeyRecord> apiKeys;
    final PersistentMap<UsagePlanRecord> usagePlans;
    final PersistentMap<TagSet> tags;
    private final PersistentMap<ApiIndex> index;
    private final Map<String, ApiIndex> indexCache = new ConcurrentHashMap<>();
    final ServiceContext ctx;
    private final Map<String, RestApiRecord> restCache = new ConcurrentHashMap<>();
    private final Map<String, HttpApiRecord> httpCache = new ConcurrentHashMap<>();
    private final StripedLocks locks = new StripedLocks(32);

    /** Tags of one resource ARN. */
    record TagSet(Map<String, String> tags) {
    }

    /** Where an API lives and which kind it is ("REST" or "HTTP"). */
    record ApiIndex(String account, String region, String kind) {
        Scope scope() {
            return new Scope(account, region);
        }
    }

    ApiGatewayState(ServiceContext ctx) {
        this.ctx = ctx;
        this.restApis = ctx.store().map("apigateway.restApis", RestApiRecord.class);
        this.httpApis = ctx.store().map("apigateway.httpApis", HttpApiRecord.class);
        this.apiKeys = ctx.store().map("apigateway.apiKeys", ApiKeyRecord.class);
        this.usagePlans = ctx.store().map("apigateway.usagePlans", UsagePlanRecord.class);
        this.tags = ctx.store().map("apigateway.tags", TagSet.class);
        this.index = ctx.store().map("apigateway.index", ApiIndex.class);
    }

    static String key(Scope scope, String id) {
        return KeyRanges.compose(scope.account(), scope.region(), id);
    }

    static String prefix(Scope scope) {
        return KeyRanges.compose(scope.account(), scope.region(), "");
    }

    ReentrantLock lock(String id) {
        return locks.lockFor(id);
    }

    /** An id of AWS's shape: lower-case letters and digits. */
    String newId(int length) {
        return ctx.ids().base32(length).toLowerCase(Locale.ROOT);
    }

    long now() {
        return ctx.clock().millis();
    }

    RestApiRecord rest(Scope scope, String id) {
        return cached(restApis, restCache, key(scope, id));
    }

    void putRest(Scope scope, RestApiRecord api) {
        restApis.put(key(scope, api.id()), api);
        restCache.put(key(scope, api.id()), api);
    }

    void removeRest(Scope scope, String id) {
        restApis.remove(key(scope, id));
        restCache.remove(key(scope, id));
        unindex(id);
    }

    HttpApiRecord http(Scope scope, String id) {
        return cached(httpApis, httpCache, key(scope, id));
    }

    void putHttp(Scope scope, HttpApiRecord api) {
        httpApis.put(key(scope, api.apiId()), api);
        httpCache.put(key(scope, api.apiId()), api);
    }

    void removeHttp(Scope scope, String id) {
        httpApis.remove(key(scope, id));
        httpCache.remove(key(scope, id));
        unindex(id);
    }

    /** Where the API of this id lives, or null. */
    ApiIndex where(String id) {
        return cached(index, indexCache, id);
    }

    void index(String id, Scope scope, String kind) {
        ApiIndex where = new ApiIndex(scope.account(), scope.region(), kind);
        index.put(id, where);
        indexCache.put(id, where);
    }

    private void unindex(String id) {
        index.remove(id);
        indexCache.remove(id);
    }

    private static <V> V cached(PersistentMap<V> map, Map<String, V> cache, String key) {
        V cachedValue = cache.get(key);
        if (cachedValue != null) {
            return cachedValue;
        }
        V stored = map.get(key);
        if (stored != null) {
            cache.put(key, stored);
        }
        return stored;
    }

    /** Runs a read-modify-write of one API under that API's lock. */
    <T> T locked(String id, java.util.function.Supplier<T> work) {
        ReentrantLock lock = lock(id);
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    static <V> List<V> all(PersistentMap<V> map, Scope scope) {
        List<V> out = new ArrayList<>();
        for (Map.Entry<String, V> e : map.prefix(prefix(scope))) {
            out.add(e.getValue());
        }
        return out;
    }

    Map<String, String> tagsOf(Scope scope, String arn) {
        TagSet set = tags.get(KeyRanges.compose(scope.account(), arn));
        return set == null ? Map.of() : set.tags();
    }

    void putTags(Scope scope, String arn, Map<String, String> value) {
        if (value == null || value.isEmpty()) {
            tags.remove(KeyRanges.compose(scope.account(), arn));
        } else {
            tags.put(KeyRanges.compose(scope.account(), arn), new TagSet(new java.util.TreeMap<>(value)));
        }
    }
}
