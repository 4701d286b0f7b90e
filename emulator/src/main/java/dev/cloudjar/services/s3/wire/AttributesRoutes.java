package dev.cloudjar.services.s3.wire;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.ObjectAttributes;
import dev.cloudjar.services.s3.model.ObjectRecord;
import java.util.LinkedHashSet;
import java.util.Set;

/** GetObjectAttributes: the attributes named in {@code x-amz-object-attributes}, parts paged by marker and max. */
final class AttributesRoutes {
    private static final Set<String> NAMES = Set.of("ETag", "Checksum", "ObjectParts", "StorageClass", "ObjectSize");
    private final S3Backend backend;

    AttributesRoutes(S3Backend backend) {
        this.backend = backend;
    }

    AwsResponse get(AwsRequest request, S3Address address) {
        Set<String> wanted = new LinkedHashSet<>();
        // The Java SDK sends one header line per attribute, boto3 one comma-separated line.
        for (String header : request.headers().all("x-amz-object-attributes")) {
            for (String name : header.split(",")) {
                String trimmed = name.trim();
                if (!trimmed.isEmpty()) {
                    if (!NAMES.contains(trimmed)) {
                        throw S3Errors.invalidArgument("Invalid attribute name specified.", "x-amz-object-attributes", trimmed);
                    }
                    wanted.add(trimmed);
                }
            }
        }
        if (wanted.isEmpty()) {
            throw S3Errors.invalidRequest("The x-amz-object-attributes header specifying the attributes to be retrieved is "
                    + "either missing or empty");
        }
        int maxParts = BucketRoutes.intValue("x-amz-max-parts", request.header("x-amz-max-parts"), 1000);
        int marker = BucketRoutes.intValue("x-amz-part-number-marker", request.header("x-amz-part-number-marker"), 0);
        ObjectAttributes attributes = backend.objectAttributes(address.bucket(), address.key(), request.queryParameter("versionId"),
                maxParts, marker);
        ObjectRecord object = attributes.object();
        XmlWriter xml = S3Xml.document("GetObjectAttributesResponse");
        if (wanted.contains("ETag")) {
            xml.element("ETag", object.eTag());
        }
        if (wanted.contains("Checksum") && object.checksum() != null) {
            xml.start("Checksum").element("Checksum" + object.checksum().algorithm(), object.checksum().value())
                    .element("ChecksumType", object.checksum().type()).end();
        }
        if (wanted.contains("ObjectParts") && attributes.multipart()) {
            xml.start("ObjectParts").element("PartsCount", attributes.partsCount()).element("PartNumberMarker", marker);
            if (attributes.truncated()) {
                xml.element("NextPartNumberMarker", attributes.nextPartNumberMarker());
            }
            xml.element("MaxParts", maxParts).element("IsTruncated", attributes.truncated());
            for (ObjectAttributes.Part part : attributes.parts()) {
                xml.start("Part").element("PartNumber", part.partNumber()).element("Size", part.size()).end();
            }
            xml.end();
        }
        if (wanted.contains("StorageClass")) {
            xml.element("StorageClass", object.headers() == null ? "STANDARD" : object.headers().storageClassOrDefault());
        }
        if (wanted.contains("ObjectSize")) {
            xml.element("ObjectSize", object.size());
        }
        return S3Xml.ok(xml).header("Last-Modified", S3Xml.httpDate(object.lastModified()))
                .header("x-amz-version-id", object.versionId());
    }
}
