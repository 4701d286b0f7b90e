package dev.cloudjar.services.s3.wire;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.QueryString;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.ObjectHeaders;
import dev.cloudjar.services.s3.model.ObjectRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Object representation headers: read from a request, written on GET/HEAD answers (with response-* overrides). */
final class ObjectHeaderCodec {
    private static final String META = "x-amz-meta-";
    /** S3's bound on user metadata: the UTF-8 bytes of every name (without the prefix) and value. */
    static final int MAX_METADATA_BYTES = 2048;

    private ObjectHeaderCodec() {
    }

    static ObjectHeaders read(AwsRequest request) {
        Map<String, String> meta = new TreeMap<>();
        int metaBytes = 0;
        for (String name : request.headers().names()) {
            if (name.length() > META.length() && name.regionMatches(true, 0, META, 0, META.length())) {
                String value = String.join(",", request.headers().all(name));
                metaBytes += utf8Length(name.substring(META.length())) + utf8Length(value);
                meta.put(name.substring(META.length()).toLowerCase(Locale.ROOT), MetadataText.decode(value));
            }
        }
        if (metaBytes > MAX_METADATA_BYTES) {
            throw S3Errors.metadataTooLarge(metaBytes, MAX_METADATA_BYTES);
        }
        ObjectHeaders headers = new ObjectHeaders(request.header("Content-Type"), contentEncoding(request.header("Content-Encoding")),
                request.header("Content-Disposition"), request.header("Content-Language"), request.header("Cache-Control"),
                request.header("Expires"), request.header("x-amz-website-redirect-location"),
                storageClass(request.header("x-amz-storage-class")), meta);
        return ObjectLockRoutes.withLockHeaders(request, headers);
    }

    private static int utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    static String storageClass(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        switch (value) {
            case "STANDARD": case "REDUCED_REDUNDANCY": case "STANDARD_IA": case "ONEZONE_IA": case "INTELLIGENT_TIERING":
            case "GLACIER": case "DEEP_ARCHIVE": case "OUTPOSTS": case "GLACIER_IR": case "SNOW": case "EXPRESS_ONEZONE":
                return value;
            default:
                throw new dev.cloudjar.core.AwsException(400, "InvalidStorageClass", "The storage class you specified is not valid")
                        .with("StorageClassRequested", value);
        }
    }

    /** The stored Content-Encoding: {@code aws-chunked} is transport framing and is removed (PROTOCOLS 4.1). */
    static String contentEncoding(String header) {
        if (header == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        for (String part : header.split(",")) {
            String p = part.trim();
            if (!p.isEmpty() && !p.equalsIgnoreCase("aws-chunked")) {
                if (kept.length() > 0) {
                    kept.append(',');
                }
                kept.append(p);
            }
        }
        return kept.length() == 0 ? null : kept.toString();
    }

    /** Tags from the {@code x-amz-tagging} header ({@code k1=v1&k2=v2}); null when absent. */
    static Map<String, String> tagging(String header) {
        if (header == null) {
            return null;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : QueryString.parse(header).entrySet()) {
            if (e.getValue().size() > 1) {
                throw S3Errors.invalidTag("Cannot provide multiple Tags with the same key");
            }
            tags.put(e.getKey(), e.getValue().get(0));
        }
        return tags;
    }

    /** Writes the object's headers to a GET/HEAD answer; {@code response-*} query parameters override. */
    static void write(AwsResponse response, ObjectRecord object, AwsRequest request) {
        ObjectHeaders h = object.headers() == null ? ObjectHeaders.empty() : object.headers();
        response.header("ETag", S3Xml.quote(object.eTag()))
                .header("Last-Modified", S3Xml.httpDate(object.lastModified()))
                .header("Accept-Ranges", "bytes")
                .header("Content-Encoding", override(request, "response-content-encoding", h.contentEncoding()))
                .header("Content-Disposition", override(request, "response-content-disposition", h.contentDisposition()))
                .header("Content-Language", override(request, "response-content-language", h.contentLanguage()))
                .header("Cache-Control", override(request, "response-cache-control", h.cacheControl()))
                .header("Expires", override(request, "response-expires", h.expires()))
                .header("x-amz-website-redirect-location", h.websiteRedirectLocation())
                .header("x-amz-version-id", object.versionId() != null || request.queryParameter("versionId") != null
                        ? object.versionIdOrNull() : null);
        if (h.storageClass() != null && !"STANDARD".equals(h.storageClass())) {
            response.header("x-amz-storage-class", h.storageClass());
        }
        for (Map.Entry<String, String> m : h.userMetadata().entrySet()) {
            response.header(META + m.getKey(), MetadataText.encode(m.getValue()));
        }
        if (!object.tags().isEmpty()) {
            response.header("x-amz-tagging-count", String.valueOf(object.tags().size()));
        }
        ObjectLockRoutes.writeHeaders(response, h.lock());
    }

    static String contentType(ObjectRecord object, AwsRequest request) {
        ObjectHeaders h = object.headers() == null ? ObjectHeaders.empty() : object.headers();
        return override(request, "response-content-type", h.contentTypeOrDefault());
    }

    private static String override(AwsRequest request, String parameter, String stored) {
        String value = request.queryParameter(parameter);
        return value != null ? value : stored;
    }
}
