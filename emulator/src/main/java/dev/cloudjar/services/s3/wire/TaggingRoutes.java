package dev.cloudjar.services.s3.wire;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.xml.XmlNode;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.ObjectRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bucket and object tagging ({@code ?tagging}). */
final class TaggingRoutes {
    private final S3Backend backend;

    TaggingRoutes(S3Backend backend) {
        this.backend = backend;
    }

    AwsResponse putBucket(AwsRequest request, S3Address address) {
        backend.putBucketTagging(address.bucket(), parse(request));
        return AwsResponse.status(204);
    }

    AwsResponse getBucket(AwsRequest request, S3Address address) {
        return render(backend.bucketTagging(address.bucket()));
    }

    AwsResponse deleteBucket(AwsRequest request, S3Address address) {
        backend.deleteBucketTagging(address.bucket());
        return AwsResponse.status(204);
    }

    AwsResponse putObject(AwsRequest request, S3Address address) {
        String versionId = backend.putObjectTagging(address.bucket(), address.key(), request.queryParameter("versionId"), parse(request));
        return AwsResponse.ok().header("x-amz-version-id", versionId).body(new byte[0], null);
    }

    AwsResponse getObject(AwsRequest request, S3Address address) {
        ObjectRecord object = backend.objectTagging(address.bucket(), address.key(), request.queryParameter("versionId"));
        return render(object.tags()).header("x-amz-version-id", object.versionId());
    }

    AwsResponse deleteObject(AwsRequest request, S3Address address) {
        String versionId = backend.putObjectTagging(address.bucket(), address.key(), request.queryParameter("versionId"), Map.of());
        return AwsResponse.status(204).header("x-amz-version-id", versionId);
    }

    private static Map<String, String> parse(AwsRequest request) {
        return parse(S3Xml.parse(request));
    }

    /** A {@code <Tagging>} document from elsewhere than the body: a browser POST's {@code tagging} field. */
    static Map<String, String> parse(byte[] document) {
        return parse(S3Xml.parse(document));
    }

    private static Map<String, String> parse(XmlNode root) {
        XmlNode tagSet = root.child("TagSet");
        if (!"Tagging".equals(root.name()) || tagSet == null) {
            throw S3Errors.malformedXml();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (XmlNode tag : tagSet.children("Tag")) {
            XmlNode key = tag.child("Key");
            XmlNode value = tag.child("Value");
            if (key == null || value == null) {
                throw S3Errors.malformedXml();
            }
            if (tags.put(key.rawText(), value.rawText()) != null) {
                throw S3Errors.invalidTag("Cannot provide multiple Tags with the same key");
            }
        }
        return tags;
    }

    private static AwsResponse render(Map<String, String> tags) {
        XmlWriter xml = S3Xml.document("Tagging").start("TagSet");
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            xml.start("Tag").element("Key", tag.getKey()).element("Value", tag.getValue()).end();
        }
        return S3Xml.ok(xml);
    }
}
