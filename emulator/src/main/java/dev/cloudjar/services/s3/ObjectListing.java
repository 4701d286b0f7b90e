package dev.cloudjar.services.s3;

import dev.cloudjar.core.Utf8Order;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.s3.model.ListObjectsInput;
import dev.cloudjar.services.s3.model.ListObjectsResult;
import dev.cloudjar.services.s3.model.ObjectRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ListObjects/ListObjectsV2 over the bucket's key range: keys in UTF-8 order, a delimiter folds keys
 * into common prefixes (each listed once, the scan jumping past the rest of its keys), and max-keys
 * counts keys plus prefixes.
 */
final class ObjectListing {
    private ObjectListing() {
    }

    static ListObjectsResult list(PersistentMap<ObjectRecord> objects, ListObjectsInput in) {
        List<ObjectRecord> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        if (in.maxKeys() <= 0) {
            return new ListObjectsResult(contents, prefixes, false, null);
        }
        String prefix = in.prefix() == null ? "" : in.prefix();
        String delimiter = in.delimiter() == null || in.delimiter().isEmpty() ? null : in.delimiter();
        String after = in.after() == null || in.after().isEmpty() ? null : in.after();
        String base = S3State.bucketStart(in.bucket());
        String end = S3State.bucketEnd(in.bucket());
        String cursor = base + prefix;
        if (after != null && Utf8Order.compare(after, prefix) >= 0) {
            cursor = base + after;
        }
        String last = null;
        boolean truncated = false;
        scan:
        while (cursor != null) {
            String jumpTo = null;
            for (Map.Entry<String, ObjectRecord> entry : objects.range(cursor, end)) {
                String key = entry.getKey().substring(base.length());
                if (!key.startsWith(prefix)) {
                    break scan;
                }
                if (after != null && Utf8Order.compare(key, after) <= 0) {
                    continue;
                }
                int cut = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
                if (cut >= 0) {
                    String common = key.substring(0, cut + delimiter.length());
                    boolean repeated = !prefixes.isEmpty() && prefixes.get(prefixes.size() - 1).equals(common);
                    if (!repeated && (after == null || Utf8Order.compare(common, after) > 0)) {
                        if (contents.size() + prefixes.size() == in.maxKeys()) {
                            truncated = true;
                            break scan;
                        }
                        prefixes.add(common);
                        last = common;
                    }
                    String next = S3State.after(common);
                    if (next != null) {
                        jumpTo = base + next;
                        break;
                    }
                    continue;
                }
                if (contents.size() + prefixes.size() == in.maxKeys()) {
                    truncated = true;
                    break scan;
                }
                contents.add(entry.getValue());
                last = key;
            }
            cursor = jumpTo;
        }
        return new ListObjectsResult(contents, prefixes, truncated, truncated ? last : null);
    }
}
