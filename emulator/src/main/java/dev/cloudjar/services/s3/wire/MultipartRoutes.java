package dev.cloudjar.services.s3.wire;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.auth.Checksums.Algorithm;
import dev.cloudjar.protocol.xml.XmlNode;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.CompleteUploadInput;
import dev.cloudjar.services.s3.model.CompletedPart;
import dev.cloudjar.services.s3.model.GetObjectInput;
import dev.cloudjar.services.s3.model.MultipartUploadInput;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.PartRecord;
import dev.cloudjar.services.s3.model.PartsPage;
import dev.cloudjar.services.s3.model.UploadRecord;
import dev.cloudjar.services.s3.model.UploadsPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** CreateMultipartUpload, UploadPart, UploadPartCopy, CompleteMultipartUpload, Abort, ListParts, ListMultipartUploads. */
final class MultipartRoutes {
    private final S3Backend backend;

    MultipartRoutes(S3Backend backend) {
        this.backend = backend;
    }

    AwsResponse create(AwsRequest request, S3Address address) {
        String algorithm = checksumAlgorithm(request.header("x-amz-checksum-algorithm"));
        String type = request.header("x-amz-checksum-type");
        if (type != null) {
            type = type.toUpperCase(Locale.ROOT);
            if (!type.equals("COMPOSITE") && !type.equals("FULL_OBJECT")) {
                throw S3Errors.invalidRequest("Value for x-amz-checksum-type header is invalid.");
            }
        }
        UploadRecord upload = backend.createMultipartUpload(new MultipartUploadInput(address.bucket(), address.key(),
                ObjectHeaderCodec.read(request), ObjectHeaderCodec.tagging(request.header("x-amz-tagging")), algorithm, type,
                AccessRoutes.headers(request)));
        AwsResponse response = S3Xml.ok(S3Xml.document("InitiateMultipartUploadResult")
                .element("Bucket", upload.bucket()).element("Key", upload.key()).element("UploadId", upload.uploadId()));
        if (upload.checksumAlgorithm() != null) {
            response.header("x-amz-checksum-algorithm", upload.checksumAlgorithm()).header("x-amz-checksum-type", upload.checksumType());
        }
        return response;
    }

    /** The canonical name of a requested checksum algorithm, null when none; unknown ones are InvalidRequest. */
    static String checksumAlgorithm(String header) {
        if (header == null) {
            return null;
        }
        Algorithm parsed = Algorithm.fromName(header);
        if (parsed == null) {
            throw S3Errors.invalidRequest("Checksum algorithm provided is unsupported. Please try again with any of the "
                    + "valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]");
        }
        return parsed.name();
    }

    AwsResponse uploadPart(AwsRequest request, S3Address address) {
        int partNumber = partNumber(request);
        PartRecord part = backend.uploadPart(address.bucket(), address.key(), request.queryParameter("uploadId"), partNumber,
                new StreamedUploadBody(request));
        AwsResponse response = AwsResponse.ok().header("ETag", S3Xml.quote(part.eTag()));
        if (part.checksumAlgorithm() != null) {
            response.header("x-amz-checksum-" + part.checksumAlgorithm().toLowerCase(Locale.ROOT), part.checksumValue());
        }
        return response.body(new byte[0], null);
    }

    AwsResponse uploadPartCopy(AwsRequest request, S3Address address) {
        int partNumber = partNumber(request);
        String[] source = ObjectRoutes.copySource(request.header("x-amz-copy-source"));
        GetObjectInput conditions = new GetObjectInput(source[0], source[1], null, null,
                request.header("x-amz-copy-source-if-match"), request.header("x-amz-copy-source-if-none-match"),
                S3Xml.parseHttpDate(request.header("x-amz-copy-source-if-modified-since")),
                S3Xml.parseHttpDate(request.header("x-amz-copy-source-if-unmodified-since")), source[2]);
        PartRecord part = backend.uploadPartCopy(address.bucket(), address.key(), request.queryParameter("uploadId"), partNumber,
                source[0], source[1], request.header("x-amz-copy-source-range"), conditions);
        XmlWriter xml = S3Xml.document("CopyPartResult")
                .element("LastModified", S3Xml.iso(part.lastModified()))
                .element("ETag", S3Xml.quote(part.eTag()));
        if (part.checksumAlgorithm() != null) {
            xml.element("Checksum" + part.checksumAlgorithm(), part.checksumValue());
        }
        return S3Xml.ok(xml);
    }

    private static int partNumber(AwsRequest request) {
        String text = request.queryParameter("partNumber");
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", text);
        }
    }

    AwsResponse complete(AwsRequest request, S3Address address) {
        XmlNode root = S3Xml.parse(request);
        if (!"CompleteMultipartUpload".equals(root.name())) {
            throw S3Errors.malformedXml();
        }
        List<CompletedPart> parts = new ArrayList<>();
        for (XmlNode part : root.children("Part")) {
            String number = part.childText("PartNumber");
            int partNumber;
            try {
                partNumber = Integer.parseInt(number);
            } catch (NumberFormatException | NullPointerException e) {
                throw S3Errors.malformedXml();
            }
            String algorithm = null;
            String value = null;
            for (Algorithm candidate : Algorithm.values()) {
                String text = part.childText("Checksum" + candidate.name());
                if (text != null) {
                    algorithm = candidate.name();
                    value = text;
                }
            }
            parts.add(new CompletedPart(partNumber, part.childText("ETag"), algorithm, value));
        }
        String fullObject = null;
        for (Algorithm candidate : Algorithm.values()) {
            if (request.header(candidate.header()) != null) {
                fullObject = request.header(candidate.header());
            }
        }
        String size = request.header("x-amz-mp-object-size");
        Long expectedSize;
        try {
            expectedSize = size == null ? null : Long.valueOf(size.trim());
        } catch (NumberFormatException e) {
            throw S3Errors.invalidArgument("x-amz-mp-object-size must be a number", "x-amz-mp-object-size", size);
        }
        ObjectRecord object = backend.completeMultipartUpload(request.scope(), new CompleteUploadInput(address.bucket(),
                address.key(), request.queryParameter("uploadId"), parts, fullObject, expectedSize, request.header("If-Match"),
                request.header("If-None-Match")), ObjectRoutes.caller(request));
        XmlWriter xml = S3Xml.document("CompleteMultipartUploadResult")
                .element("Location", request.endpoint() + "/" + address.bucket() + "/" + dev.cloudjar.protocol.QueryString.encode(address.key(), true))
                .element("Bucket", address.bucket())
                .element("Key", address.key())
                .element("ETag", S3Xml.quote(object.eTag()));
        if (object.checksum() != null) {
            xml.element("Checksum" + object.checksum().algorithm(), object.checksum().value());
            xml.element("ChecksumType", object.checksum().type());
        }
        return ObjectRoutes.versionHeader(S3Xml.ok(xml), object);
    }

    AwsResponse abort(AwsRequest request, S3Address address) {
        backend.abortMultipartUpload(address.bucket(), address.key(), request.queryParameter("uploadId"));
        return AwsResponse.status(204);
    }

    AwsResponse listParts(AwsRequest request, S3Address address) {
        int max = Math.min(1000, BucketRoutes.intParameter(request, "max-parts", 1000));
        int marker = BucketRoutes.intParameter(request, "part-number-marker", 0);
        PartsPage page = backend.listParts(address.bucket(), address.key(), request.queryParameter("uploadId"), max, marker);
        UploadRecord upload = page.upload();
        XmlWriter xml = S3Xml.document("ListPartsResult")
                .element("Bucket", upload.bucket()).element("Key", upload.key()).element("UploadId", upload.uploadId())
                .element("PartNumberMarker", marker)
                .element("NextPartNumberMarker", page.nextPartNumberMarker())
                .element("MaxParts", max)
                .element("IsTruncated", page.truncated());
        S3Xml.owner(xml, "Initiator", request.scope().account());
        S3Xml.owner(xml, "Owner", request.scope().account());
        xml.element("StorageClass", upload.headers() == null ? "STANDARD" : upload.headers().storageClassOrDefault());
        if (upload.checksumAlgorithm() != null) {
            xml.element("ChecksumAlgorithm", upload.checksumAlgorithm()).element("ChecksumType", upload.checksumType());
        }
        for (PartRecord part : page.parts()) {
            xml.start("Part").element("PartNumber", part.partNumber())
                    .element("LastModified", S3Xml.iso(part.lastModified()))
                    .element("ETag", S3Xml.quote(part.eTag()))
                    .element("Size", part.size());
            if (part.checksumAlgorithm() != null) {
                xml.element("Checksum" + part.checksumAlgorithm(), part.checksumValue());
            }
            xml.end();
        }
        return S3Xml.ok(xml);
    }

    AwsResponse listUploads(AwsRequest request, S3Address address) {
        String prefix = request.queryParameter("prefix");
        String delimiter = request.queryParameter("delimiter");
        String keyMarker = request.queryParameter("key-marker");
        String uploadIdMarker = request.queryParameter("upload-id-marker");
        int max = Math.min(1000, BucketRoutes.intParameter(request, "max-uploads", 1000));
        boolean url = ListingRoutes.encodingType(request);
        UploadsPage page = backend.listMultipartUploads(address.bucket(), prefix, delimiter, keyMarker, uploadIdMarker, max);
        XmlWriter xml = S3Xml.document("ListMultipartUploadsResult")
                .element("Bucket", address.bucket())
                .element("KeyMarker", S3Xml.encode(keyMarker == null ? "" : keyMarker, url))
                .element("UploadIdMarker", uploadIdMarker == null ? "" : uploadIdMarker)
                .element("NextKeyMarker", S3Xml.encode(page.nextKeyMarker(), url))
                .element("NextUploadIdMarker", page.nextUploadIdMarker())
                .element("Prefix", S3Xml.encode(prefix == null ? "" : prefix, url))
                .element("Delimiter", S3Xml.encode(delimiter == null || delimiter.isEmpty() ? null : delimiter, url))
                .element("MaxUploads", max)
                .element("IsTruncated", page.truncated());
        if (url) {
            xml.element("EncodingType", "url");
        }
        for (UploadRecord upload : page.uploads()) {
            xml.start("Upload").element("Key", S3Xml.encode(upload.key(), url)).element("UploadId", upload.uploadId());
            S3Xml.owner(xml, "Initiator", request.scope().account());
            S3Xml.owner(xml, "Owner", request.scope().account());
            xml.element("StorageClass", upload.headers() == null ? "STANDARD" : upload.headers().storageClassOrDefault())
                    .element("Initiated", S3Xml.iso(upload.initiated()));
            if (upload.checksumAlgorithm() != null) {
                xml.element("ChecksumAlgorithm", upload.checksumAlgorithm()).element("ChecksumType", upload.checksumType());
            }
            xml.end();
        }
        for (String common : page.commonPrefixes()) {
            xml.start("CommonPrefixes").element("Prefix", S3Xml.encode(common, url)).end();
        }
        return S3Xml.ok(xml);
    }
}
