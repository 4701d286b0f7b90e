package dev.cloudjar.control;

import static dev.cloudjar.control.ConsoleViews.required;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.model.BucketRecord;
import dev.cloudjar.services.s3.model.ListObjectsInput;
import dev.cloudjar.services.s3.model.ListObjectsResult;
import dev.cloudjar.services.s3.model.ListVersionsInput;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.VersioningConfiguration;
import dev.cloudjar.services.s3.model.VersionsPage;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The console's S3 views: buckets, one prefix level of a bucket (with, once the bucket is versioned,
 * the keys there whose current version is a delete marker), and one object's metadata with, once
 * versions exist, its versions and delete markers newest first, each version downloadable by its
 * versionId through a normal S3 GET. Everything is read through ListObjects / ListObjectVersions.
 */
final class BucketViews {
    /** Versions of one key shown at most, and version entries scanned for one prefix level's deleted keys. */
    static final int MAX_VERSIONS = 1000;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Supplier<S3Backend> s3;

    BucketViews(Supplier<S3Backend> s3) {
        this.s3 = s3;
    }

    Object buckets(AwsRequest request) {
        ArrayNode out = F.arrayNode();
        for (BucketRecord b : s3.get().listBuckets(request.scope(), null)) {
            out.addObject().put("name", b.name()).put("region", b.region()).put("created", String.valueOf(b.created()));
        }
        return F.objectNode().set("buckets", out);
    }

    Object objects(AwsRequest request) {
        String bucket = required(request, "bucket");
        String prefix = request.queryParameter("prefix") == null ? "" : request.queryParameter("prefix");
        S3Backend backend = s3.get();
        ListObjectsResult page = backend.listObjects(new ListObjectsInput(bucket, prefix, "/", request.queryParameter("after"), 1000));
        ObjectNode out = F.objectNode().put("bucket", bucket).put("prefix", prefix);
        VersioningConfiguration versioning = backend.bucketVersioning(bucket);
        out.put("versioning", versioning == null || !versioning.active() ? null : versioning.status());
        ArrayNode prefixes = out.putArray("prefixes");
        page.commonPrefixes().forEach(prefixes::add);
        ArrayNode objects = out.putArray("objects");
        for (ObjectRecord o : page.contents()) {
            objects.add(summary(bucket, o));
        }
        out.put("truncated", page.truncated()).put("next", page.nextPosition());
        ArrayNode deleted = out.putArray("deleted");
        if (versioning != null && versioning.active()) {
            VersionsPage versions = backend.listObjectVersions(new ListVersionsInput(bucket, prefix, "/", null, null, MAX_VERSIONS));
            for (VersionsPage.Entry e : versions.versions()) {
                if (e.latest() && e.version().deleteMarker()) {
                    deleted.addObject().put("key", e.version().key()).put("lastModified", String.valueOf(e.version().lastModified()));
                }
            }
        }
        return out;
    }

    /**
     * One object: its current version's metadata, headers and tags; in a bucket that is or was
     * versioned also {@code versions} (newest first, at most {@value #MAX_VERSIONS}). A key whose
     * current version is a delete marker answers {@code "deleted": true} with its versions.
     */
    Object object(AwsRequest request) {
        String bucket = required(request, "bucket");
        String key = required(request, "key");
        S3Backend backend = s3.get();
        ObjectNode out = null;
        for (ObjectRecord o : backend.listObjects(new ListObjectsInput(bucket, key, null, null, 1)).contents()) {
            if (o.key().equals(key)) {
                out = summary(bucket, o);
                out.set("headers", RecordJson.of(o.headers()));
                out.set("tags", RecordJson.of(o.tags()));
            }
        }
        VersioningConfiguration versioning = backend.bucketVersioning(bucket);
        ArrayNode versions = versioning == null || !versioning.active() ? null : versions(backend, bucket, key);
        if (out == null) {
            if (versions == null || versions.isEmpty()) {
                throw new AwsException(404, "NoSuchKey", "The specified key does not exist: " + key);
            }
            out = F.objectNode().put("key", key).put("deleted", true);
        }
        if (versions != null) {
            out.put("versionsTruncated", versions.size() > MAX_VERSIONS);
            if (versions.size() > MAX_VERSIONS) {
                versions.remove(MAX_VERSIONS);
            }
            out.set("versions", versions);
        }
        return out;
    }

    /** The key's versions and delete markers, newest first; one more than {@value #MAX_VERSIONS} says there are more. */
    private static ArrayNode versions(S3Backend backend, String bucket, String key) {
        ArrayNode out = F.arrayNode();
        String keyMarker = null;
        String versionMarker = null;
        while (out.size() <= MAX_VERSIONS) {
            VersionsPage page = backend.listObjectVersions(new ListVersionsInput(bucket, key, null, keyMarker, versionMarker,
                    MAX_VERSIONS + 1 - out.size()));
            for (VersionsPage.Entry e : page.versions()) {
                if (!e.version().key().equals(key)) {
                    return out; // the key's own versions come first: every key it prefixes sorts after it
                }
                ObjectRecord v = e.version();
                ObjectNode version = out.addObject().put("versionId", v.versionIdOrNull()).put("latest", e.latest())
                        .put("deleteMarker", v.deleteMarker()).put("lastModified", String.valueOf(v.lastModified()));
                if (!v.deleteMarker()) {
                    version.put("size", v.size()).put("eTag", v.eTag())
                            .put("download", download(bucket, key) + "?versionId=" + queryEncode(v.versionIdOrNull()));
                }
            }
            if (!page.truncated()) {
                break;
            }
            keyMarker = page.nextKeyMarker();
            versionMarker = page.nextVersionIdMarker();
        }
        return out;
    }

    private static ObjectNode summary(String bucket, ObjectRecord o) {
        return F.objectNode().put("key", o.key()).put("size", o.size()).put("eTag", o.eTag())
                .put("lastModified", String.valueOf(o.lastModified())).put("versionId", o.versionId())
                .put("contentType", o.headers() == null ? null : o.headers().contentType())
                .put("download", download(bucket, o.key()));
    }

    /** The path-style S3 URL of a key, its slashes kept. */
    private static String download(String bucket, String key) {
        return "/" + bucket + "/" + encode(key, "-._~/");
    }

    private static String queryEncode(String value) {
        return encode(value, "-._~");
    }

    /** Percent-encodes every UTF-8 byte except letters, digits and {@code keep}. */
    static String encode(String value, String keep) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || keep.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
