package dev.cloudjar.services.s3.wire;

import dev.cloudjar.core.PageToken;
import dev.cloudjar.core.Utf8Order;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.ListObjectsInput;
import dev.cloudjar.services.s3.model.ListVersionsInput;
import dev.cloudjar.services.s3.model.VersionsPage;
import dev.cloudjar.services.s3.model.ListObjectsResult;
import dev.cloudjar.services.s3.model.ObjectRecord;

/**
 * ListObjects (v1) and ListObjectsV2. Keys are URL-encoded only when the request asked for
 * {@code encoding-type=url} (Java v2 decodes whenever the answer says so, PROTOCOLS 4.4).
 */
final class ListingRoutes {
    private static final int MAX_KEYS = 1000;
    private final S3Backend backend;
    private final RestoreRoutes restores;

    ListingRoutes(S3Backend backend) {
        this.backend = backend;
        this.restores = new RestoreRoutes(backend);
    }

    AwsResponse listV2(AwsRequest request, S3Address address) {
        boolean url = encodingType(request);
        String prefix = request.queryParameter("prefix");
        String delimiter = request.queryParameter("delimiter");
        String token = request.queryParameter("continuation-token");
        String startAfter = request.queryParameter("start-after");
        int maxKeys = Math.min(MAX_KEYS, BucketRoutes.intParameter(request, "max-keys", MAX_KEYS));
        String after = startAfter;
        if (token != null) {
            String position = PageToken.decodeOrNull(token);
            if (position == null || token.isEmpty()) {
                throw S3Errors.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
            }
            if (after == null || Utf8Order.compare(position, after) > 0) {
                after = position;
            }
        }
        ListObjectsResult result = backend.listObjects(new ListObjectsInput(address.bucket(), prefix, delimiter, after, maxKeys));
        boolean fetchOwner = "true".equalsIgnoreCase(request.queryParameter("fetch-owner"));
        XmlWriter xml = S3Xml.document("ListBucketResult")
                .element("Name", address.bucket())
                .element("Prefix", S3Xml.encode(prefix == null ? "" : prefix, url))
                .element("Delimiter", S3Xml.encode(emptyToNull(delimiter), url))
                .element("MaxKeys", maxKeys);
        if (url) {
            xml.element("EncodingType", "url");
        }
        xml.element("KeyCount", result.keyCount()).element("IsTruncated", result.truncated())
                .element("ContinuationToken", token)
                .element("NextContinuationToken", result.truncated() ? PageToken.encode(result.nextPosition()) : null)
                .element("StartAfter", S3Xml.encode(startAfter, url));
        contents(xml, result, url, fetchOwner ? request.scope().account() : null, RestoreRoutes.wanted(request));
        return S3Xml.ok(xml);
    }

    AwsResponse listV1(AwsRequest request, S3Address address) {
        boolean url = encodingType(request);
        String prefix = request.queryParameter("prefix");
        String delimiter = request.queryParameter("delimiter");
        String marker = request.queryParameter("marker");
        int maxKeys = Math.min(MAX_KEYS, BucketRoutes.intParameter(request, "max-keys", MAX_KEYS));
        ListObjectsResult result = backend.listObjects(new ListObjectsInput(address.bucket(), prefix, delimiter, marker, maxKeys));
        XmlWriter xml = S3Xml.document("ListBucketResult")
                .element("Name", address.bucket())
                .element("Prefix", S3Xml.encode(prefix == null ? "" : prefix, url))
                .element("Marker", S3Xml.encode(marker == null ? "" : marker, url));
        if (delimiter != null && result.truncated()) {
            xml.element("NextMarker", S3Xml.encode(result.nextPosition(), url));
        }
        xml.element("MaxKeys", maxKeys).element("Delimiter", S3Xml.encode(emptyToNull(delimiter), url));
        if (url) {
            xml.element("EncodingType", "url");
        }
        xml.element("IsTruncated", result.truncated());
        contents(xml, result, url, request.scope().account(), RestoreRoutes.wanted(request));
        return S3Xml.ok(xml);
    }

    /** ListObjectVersions: versions and delete markers interleaved in S3's order (key, then newest first). */
    AwsResponse listVersions(AwsRequest request, S3Address address) {
        boolean url = encodingType(request);
        boolean restoreStatus = RestoreRoutes.wanted(request);
        String prefix = request.queryParameter("prefix");
        String delimiter = request.queryParameter("delimiter");
        String keyMarker = request.queryParameter("key-marker");
        String versionIdMarker = request.queryParameter("version-id-marker");
        int maxKeys = Math.min(MAX_KEYS, BucketRoutes.intParameter(request, "max-keys", MAX_KEYS));
        VersionsPage page = backend.listObjectVersions(new ListVersionsInput(address.bucket(), prefix, delimiter, keyMarker,
                versionIdMarker, maxKeys));
        XmlWriter xml = S3Xml.document("ListVersionsResult")
                .element("Name", address.bucket())
                .element("Prefix", S3Xml.encode(prefix == null ? "" : prefix, url))
                .element("KeyMarker", S3Xml.encode(keyMarker == null ? "" : keyMarker, url))
                .element("VersionIdMarker", versionIdMarker == null ? "" : versionIdMarker);
        if (page.truncated()) {
            xml.element("NextKeyMarker", S3Xml.encode(page.nextKeyMarker(), url)).element("NextVersionIdMarker", page.nextVersionIdMarker());
        }
        xml.element("MaxKeys", maxKeys);
        if (delimiter != null && !delimiter.isEmpty()) {
            xml.element("Delimiter", S3Xml.encode(delimiter, url));
        }
        if (url) {
            xml.element("EncodingType", "url");
        }
        xml.element("IsTruncated", page.truncated());
        for (VersionsPage.Entry entry : page.versions()) {
            ObjectRecord object = entry.version();
            if (object.deleteMarker()) {
                xml.start("DeleteMarker").element("Key", S3Xml.encode(object.key(), url)).element("VersionId", object.versionIdOrNull())
                        .element("IsLatest", entry.latest()).element("LastModified", S3Xml.iso(object.lastModified()));
                S3Xml.owner(xml, "Owner", request.scope().account());
                xml.end();
                continue;
            }
            xml.start("Version").element("Key", S3Xml.encode(object.key(), url)).element("VersionId", object.versionIdOrNull())
                    .element("IsLatest", entry.latest()).element("LastModified", S3Xml.iso(object.lastModified()))
                    .element("ETag", S3Xml.quote(object.eTag()));
            if (object.checksum() != null) {
                xml.element("ChecksumAlgorithm", object.checksum().algorithm()).element("ChecksumType", object.checksum().type());
            }
            xml.element("Size", object.size())
                    .element("StorageClass", object.headers() == null ? "STANDARD" : object.headers().storageClassOrDefault());
            S3Xml.owner(xml, "Owner", request.scope().account());
            if (restoreStatus) {
                restores.writeStatus(xml, object);
            }
            xml.end();
        }
        for (String common : page.commonPrefixes()) {
            xml.start("CommonPrefixes").element("Prefix", S3Xml.encode(common, url)).end();
        }
        return S3Xml.ok(xml);
    }

    /** S3 does not echo an empty {@code delimiter=}. */
    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static boolean encodingType(AwsRequest request) {
        String encoding = request.queryParameter("encoding-type");
        if (encoding == null) {
            return false;
        }
        if (!"url".equalsIgnoreCase(encoding)) {
            throw S3Errors.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", encoding);
        }
        return true;
    }

    private void contents(XmlWriter xml, ListObjectsResult result, boolean url, String owner, boolean restoreStatus) {
        for (ObjectRecord object : result.contents()) {
            xml.start("Contents")
                    .element("Key", S3Xml.encode(object.key(), url))
                    .element("LastModified", S3Xml.iso(object.lastModified()))
                    .element("ETag", S3Xml.quote(object.eTag()));
            if (object.checksum() != null) {
                xml.element("ChecksumAlgorithm", object.checksum().algorithm());
                xml.element("ChecksumType", object.checksum().type());
            }
            xml.element("Size", object.size());
            if (owner != null) {
                S3Xml.owner(xml, "Owner", owner);
            }
            xml.element("StorageClass", object.headers() == null ? "STANDARD" : object.headers().storageClassOrDefault());
            if (restoreStatus) {
                restores.writeStatus(xml, object);
            }
            xml.end();
        }
        for (String prefix : result.commonPrefixes()) {
            xml.start("CommonPrefixes").element("Prefix", S3Xml.encode(prefix, url)).end();
        }
    }
}
