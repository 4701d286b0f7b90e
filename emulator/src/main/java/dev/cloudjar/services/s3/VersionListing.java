package dev.cloudjar.services.s3;

import dev.cloudjar.core.Utf8Order;
import dev.cloudjar.services.s3.model.ListVersionsInput;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.VersionsPage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * ListObjectVersions: the current objects and the noncurrent versions / delete markers merged in S3's
 * order (key ascending in UTF-8 order, then newest first; a key's first entry is its latest version).
 * A delimiter folds keys into common prefixes; max-keys counts versions, markers and prefixes.
 *
 * <p>LIMITATIONS: a common prefix is skipped key by key, not jumped over.
 */
final class VersionListing {
    /** A versions-map key ends in the separator and a 16-digit slot. */
    private static final int SLOT_SUFFIX = 17;

    private VersionListing() {
    }

    static VersionsPage list(S3State state, ListVersionsInput in) {
        String prefix = in.prefix() == null ? "" : in.prefix();
        String delimiter = emptyToNull(in.delimiter());
        String keyMarker = emptyToNull(in.keyMarker());
        String versionIdMarker = emptyToNull(in.versionIdMarker());
        if (versionIdMarker != null && keyMarker == null) {
            throw S3Errors.invalidArgument("A version-id marker cannot be specified without a key marker.", "version-id-marker",
                    versionIdMarker);
        }
        List<VersionsPage.Entry> entries = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        if (in.maxKeys() <= 0) {
            return new VersionsPage(entries, prefixes, false, null, null);
        }
        String base = S3State.bucketStart(in.bucket());
        String end = S3State.bucketEnd(in.bucket());
        String start = base + (keyMarker != null && Utf8Order.compare(keyMarker, prefix) >= 0 ? keyMarker : prefix);
        Merged merged = new Merged(state.objects.range(start, end).iterator(), state.versions.range(start, end).iterator(), base);
        String previousKey = null;
        boolean pastVersionMarker = false;
        boolean truncated = false;
        String nextKey = null;
        String nextVersion = null;
        while (merged.hasNext()) {
            Map.Entry<String, ObjectRecord> next = merged.next();
            String key = next.getKey();
            ObjectRecord version = next.getValue();
            if (!key.startsWith(prefix)) {
                break;
            }
            boolean latest = !key.equals(previousKey);
            previousKey = key;
            if (keyMarker != null && key.equals(keyMarker)) {
                if (versionIdMarker == null || !pastVersionMarker) {
                    pastVersionMarker = versionIdMarker != null && version.hasVersion(versionIdMarker);
                    continue;
                }
            }
            int cut = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
            if (cut >= 0) {
                String common = key.substring(0, cut + delimiter.length());
                boolean repeated = !prefixes.isEmpty() && prefixes.get(prefixes.size() - 1).equals(common);
                if (repeated || (keyMarker != null && Utf8Order.compare(common, keyMarker) <= 0)) {
                    continue;
                }
                if (entries.size() + prefixes.size() == in.maxKeys()) {
                    truncated = true;
                    break;
                }
                prefixes.add(common);
                nextKey = common;
                nextVersion = null;
                continue;
            }
            if (entries.size() + prefixes.size() == in.maxKeys()) {
                truncated = true;
                break;
            }
            entries.add(new VersionsPage.Entry(version, latest));
            nextKey = key;
            nextVersion = version.versionIdOrNull();
        }
        return truncated ? new VersionsPage(entries, prefixes, true, nextKey, nextVersion)
                : new VersionsPage(entries, prefixes, false, null, null);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Current objects and older versions as one stream of (key, version); at equal keys the current one first. */
    private static final class Merged implements Iterator<Map.Entry<String, ObjectRecord>> {
        private final Iterator<Map.Entry<String, ObjectRecord>> current;
        private final Iterator<Map.Entry<String, ObjectRecord>> older;
        private final String base;
        private Map.Entry<String, ObjectRecord> nextCurrent;
        private Map.Entry<String, ObjectRecord> nextOlder;

        Merged(Iterator<Map.Entry<String, ObjectRecord>> current, Iterator<Map.Entry<String, ObjectRecord>> older, String base) {
            this.current = current;
            this.older = older;
            this.base = base;
            this.nextCurrent = advance(current, false);
            this.nextOlder = advance(older, true);
        }

        private Map.Entry<String, ObjectRecord> advance(Iterator<Map.Entry<String, ObjectRecord>> it, boolean versioned) {
            if (!it.hasNext()) {
                return null;
            }
            Map.Entry<String, ObjectRecord> e = it.next();
            String stored = e.getKey();
            String key = versioned ? stored.substring(base.length(), stored.length() - SLOT_SUFFIX) : stored.substring(base.length());
            return Map.entry(key, e.getValue());
        }

        @Override
        public boolean hasNext() {
            return nextCurrent != null || nextOlder != null;
        }

        @Override
        public Map.Entry<String, ObjectRecord> next() {
            Map.Entry<String, ObjectRecord> result;
            if (nextOlder == null || (nextCurrent != null && Utf8Order.compare(nextCurrent.getKey(), nextOlder.getKey()) <= 0)) {
                result = nextCurrent;
                nextCurrent = advance(current, false);
            } else {
                result = nextOlder;
                nextOlder = advance(older, true);
            }
            return result;
        }
    }
}
