package dev.cloudjar.services.s3.wire;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.QueryString;
import dev.cloudjar.protocol.xml.XmlNode;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.Caller;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.CopyObjectInput;
import dev.cloudjar.services.s3.model.CopyResult;
import dev.cloudjar.services.s3.model.DeleteResult;
import dev.cloudjar.services.s3.model.ObjectIdentifier;
import dev.cloudjar.services.s3.model.GetObjectInput;
import dev.cloudjar.services.s3.model.ObjectEncryption;
import dev.cloudjar.services.s3.model.ObjectHeaders;
import dev.cloudjar.services.s3.model.ObjectRead;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.PutObjectInput;
import dev.cloudjar.services.s3.model.StoredChecksum;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** PutObject, GetObject, HeadObject, DeleteObject, DeleteObjects and CopyObject. */
final class ObjectRoutes {
    /** Large enough that a multi-GB GET is not dominated by per-write overhead. */
    private static final int STREAM_BUFFER = 128 * 1024;
    /** S3 encrypts every object at rest (SSE-S3) since 2023 and says so on writes and reads. */
    static final String SSE = "x-amz-server-side-encryption";
    static final String AES256 = "AES256";
    private final S3Backend backend;
    private final RestoreRoutes restores;

    ObjectRoutes(S3Backend backend) {
        this.backend = backend;
        this.restores = new RestoreRoutes(backend);
    }

    static Caller caller(AwsRequest request) {
        return new Caller(request.requestId(), request.remoteAddress());
    }

    AwsResponse put(AwsRequest request, S3Address address) {
        ObjectLockRoutes.requireIntegrity(request);
        PutObjectInput input = new PutObjectInput(address.bucket(), address.key(), ObjectHeaderCodec.read(request),
                ObjectHeaderCodec.tagging(request.header("x-amz-tagging")), request.header("If-Match"), request.header("If-None-Match"),
                AccessRoutes.headers(request));
        ObjectRecord object = backend.putObject(request.scope(), input, new StreamedUploadBody(request), caller(request));
        AwsResponse response = AwsResponse.ok().header("ETag", S3Xml.quote(object.eTag())).header(SSE, AES256);
        checksumHeaders(response, object.checksum());
        return versionHeader(response, object).body(new byte[0], null);
    }

    /** SSE-S3 ({@code AES256}) unless UpdateObjectEncryption made the version SSE-KMS. */
    static void encryptionHeaders(AwsResponse response, ObjectEncryption encryption) {
        if (encryption == null) {
            response.header(SSE, AES256);
            return;
        }
        response.header(SSE, encryption.algorithm()).header("x-amz-server-side-encryption-aws-kms-key-id", encryption.kmsKeyArn())
                .header("x-amz-server-side-encryption-bucket-key-enabled", encryption.bucketKeyEnabled() ? "true" : null);
    }

    /** UpdateObjectEncryption: {@code <ObjectEncryption><SSE-KMS><KMSKeyArn>...} (a union: SSE-KMS is its one member). */
    AwsResponse updateEncryption(AwsRequest request, S3Address address) {
        XmlNode root = S3Xml.parse(request);
        XmlNode kms = root.child("SSE-KMS");
        if (!"ObjectEncryption".equals(root.name()) || kms == null || root.children().size() != 1) {
            throw S3Errors.malformedXml();
        }
        String bucketKey = kms.childText("BucketKeyEnabled");
        if (bucketKey != null && !bucketKey.equals("true") && !bucketKey.equals("false")) {
            throw S3Errors.malformedXml();
        }
        backend.updateObjectEncryption(address.bucket(), address.key(), request.queryParameter("versionId"),
                kms.childText("KMSKeyArn"), "true".equals(bucketKey));
        return AwsResponse.ok().body(new byte[0], null);
    }

    /** Writes in versioned buckets name the version they made; the null version is not announced. */
    static AwsResponse versionHeader(AwsResponse response, ObjectRecord object) {
        return response.header("x-amz-version-id", object.versionId());
    }

    static void checksumHeaders(AwsResponse response, StoredChecksum checksum) {
        if (checksum != null) {
            response.header("x-amz-checksum-" + checksum.algorithm().toLowerCase(Locale.ROOT), checksum.value());
            response.header("x-amz-checksum-type", checksum.type());
        }
    }

    AwsResponse get(AwsRequest request, S3Address address, boolean head) {
        GetObjectInput input = getInput(request, address);
        ObjectRead read = head ? backend.headObject(input) : backend.getObject(input);
        ObjectRecord object = read.object();
        AwsResponse response = AwsResponse.status(read.partial() ? 206 : 200);
        ObjectHeaderCodec.write(response, object, request);
        restores.writeHeader(response, object);
        encryptionHeaders(response, object.headers() == null ? null : object.headers().encryption());
        if (read.partial()) {
            long last = read.offset() + read.length() - 1;
            response.header("Content-Range", "bytes " + read.offset() + "-" + last + "/" + object.size());
        }
        if (request.hasQueryParameter("partNumber") && object.partsCount() > 1) {
            response.header("x-amz-mp-parts-count", String.valueOf(object.partsCount()));
        }
        if (!read.partial() && "ENABLED".equalsIgnoreCase(request.header("x-amz-checksum-mode"))) {
            checksumHeaders(response, object.checksum());
        }
        String type = ObjectHeaderCodec.contentType(object, request);
        if (head) {
            return response.contentLengthOnly(read.length(), type);
        }
        return response.stream(out -> {
            try (InputStream in = backend.openObject(read)) {
                byte[] buffer = new byte[(int) Math.max(1, Math.min(STREAM_BUFFER, read.length()))];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                }
            }
        }, read.length(), type);
    }

    private static GetObjectInput getInput(AwsRequest request, S3Address address) {
        String part = request.queryParameter("partNumber");
        Integer partNumber = null;
        if (part != null) {
            try {
                partNumber = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", part);
            }
        }
        return new GetObjectInput(address.bucket(), address.key(), request.header("Range"), partNumber,
                request.header("If-Match"), request.header("If-None-Match"),
                S3Xml.parseHttpDate(request.header("If-Modified-Since")), S3Xml.parseHttpDate(request.header("If-Unmodified-Since")),
                request.queryParameter("versionId"));
    }

    AwsResponse delete(AwsRequest request, S3Address address) {
        DeleteResult result = backend.deleteObject(request.scope(), address.bucket(), address.key(),
                request.queryParameter("versionId"), caller(request), ObjectLockRoutes.bypass(request));
        return AwsResponse.status(204).header("x-amz-delete-marker", result.deleteMarker() ? "true" : null)
                .header("x-amz-version-id", result.versionId());
    }

    AwsResponse deleteObjects(AwsRequest request, S3Address address) {
        XmlNode root = S3Xml.parse(request);
        if (!"Delete".equals(root.name())) {
            throw S3Errors.malformedXml();
        }
        boolean quiet = "true".equalsIgnoreCase(root.childText("Quiet"));
        List<ObjectIdentifier> keys = new ArrayList<>();
        for (XmlNode object : root.children("Object")) {
            XmlNode key = object.child("Key");
            if (key == null) {
                throw S3Errors.malformedXml();
            }
            XmlNode versionId = object.child("VersionId");
            keys.add(new ObjectIdentifier(key.rawText(), versionId == null ? null : versionId.rawText()));
        }
        List<DeleteResult> results = backend.deleteObjects(request.scope(), address.bucket(), keys, caller(request),
                ObjectLockRoutes.bypass(request));
        XmlWriter xml = S3Xml.document("DeleteResult");
        for (DeleteResult result : results) {
            if (result.errorCode() != null) {
                xml.start("Error").element("Key", result.key()).element("VersionId", result.requestedVersionId())
                        .element("Code", result.errorCode()).element("Message", result.errorMessage()).end();
            } else if (!quiet) {
                xml.start("Deleted").element("Key", result.key()).element("VersionId", result.requestedVersionId());
                if (result.deleteMarker()) {
                    xml.element("DeleteMarker", true).element("DeleteMarkerVersionId", result.versionId());
                }
                xml.end();
            }
        }
        return S3Xml.ok(xml);
    }

    AwsResponse copy(AwsRequest request, S3Address address) {
        String[] source = copySource(request.header("x-amz-copy-source"));
        String directive = request.header("x-amz-metadata-directive");
        boolean replace = directive != null && directive.equalsIgnoreCase("REPLACE");
        if (directive != null && !replace && !directive.equalsIgnoreCase("COPY")) {
            throw S3Errors.invalidArgument("Unknown metadata directive.", "x-amz-metadata-directive", directive);
        }
        String tagging = request.header("x-amz-tagging-directive");
        boolean replaceTags = tagging != null && tagging.equalsIgnoreCase("REPLACE");
        ObjectHeaders headers = ObjectHeaderCodec.read(request);
        CopyObjectInput input = new CopyObjectInput(source[0], source[1], address.bucket(), address.key(), replace,
                headers, replaceTags, ObjectHeaderCodec.tagging(request.header("x-amz-tagging")),
                request.header("x-amz-copy-source-if-match"), request.header("x-amz-copy-source-if-none-match"),
                S3Xml.parseHttpDate(request.header("x-amz-copy-source-if-modified-since")),
                S3Xml.parseHttpDate(request.header("x-amz-copy-source-if-unmodified-since")),
                MultipartRoutes.checksumAlgorithm(request.header("x-amz-checksum-algorithm")), source[2],
                AccessRoutes.headers(request));
        CopyResult result = backend.copyObject(request.scope(), input, caller(request));
        ObjectRecord copied = result.object();
        AwsResponse response = versionHeader(AwsResponse.ok().header(SSE, AES256), copied)
                .header("x-amz-copy-source-version-id", result.sourceVersionId() != null || source[2] != null
                        ? (result.sourceVersionId() == null ? ObjectRecord.NULL_VERSION : result.sourceVersionId()) : null);
        XmlWriter xml = S3Xml.document("CopyObjectResult")
                .element("LastModified", S3Xml.iso(copied.lastModified()))
                .element("ETag", S3Xml.quote(copied.eTag()));
        if (copied.checksum() != null) {
            xml.element("ChecksumType", copied.checksum().type());
            xml.element("Checksum" + copied.checksum().algorithm(), copied.checksum().value());
        }
        return response.body(xml.toBytes(), S3Xml.XML_TYPE);
    }

    /**
     * Splits {@code x-amz-copy-source} ({@code bkt/a%20b.txt}, optionally with a leading slash and a
     * {@code ?versionId=}) into bucket, decoded key and version id (null when none).
     */
    static String[] copySource(String header) {
        if (header == null || header.isEmpty()) {
            throw S3Errors.invalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey",
                    "x-amz-copy-source", header);
        }
        String value = header.startsWith("/") ? header.substring(1) : header;
        int query = value.indexOf('?');
        String versionId = null;
        if (query >= 0) {
            for (String pair : value.substring(query + 1).split("&")) {
                if (pair.startsWith("versionId=")) {
                    versionId = QueryString.decode(pair.substring("versionId=".length()), false);
                }
            }
            value = value.substring(0, query);
        }
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            throw S3Errors.invalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey",
                    "x-amz-copy-source", header);
        }
        return new String[] {QueryString.decode(value.substring(0, slash), false), QueryString.decode(value.substring(slash + 1), false),
            versionId};
    }
}
