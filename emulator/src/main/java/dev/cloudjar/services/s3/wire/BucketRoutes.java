package dev.cloudjar.services.s3.wire;

import dev.cloudjar.core.PageToken;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.xml.XmlNode;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.BucketRecord;
import dev.cloudjar.services.s3.model.VersioningConfiguration;
import java.util.List;

/** CreateBucket, HeadBucket, DeleteBucket, ListBuckets, GetBucketLocation, and versioning. */
final class BucketRoutes {
    private final S3Backend backend;

    BucketRoutes(S3Backend backend) {
        this.backend = backend;
    }

    AwsResponse create(AwsRequest request, S3Address address) {
        String constraint = null;
        byte[] body = S3Xml.bodyBytes(request);
        if (body.length > 0 && !new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            XmlNode root;
            try {
                root = dev.cloudjar.protocol.xml.SafeXml.parse(body);
            } catch (dev.cloudjar.protocol.xml.SafeXml.MalformedXmlException e) {
                throw S3Errors.malformedXml();
            }
            if (!"CreateBucketConfiguration".equals(root.name())) {
                throw S3Errors.malformedXml();
            }
            constraint = root.childText("LocationConstraint");
        }
        BucketRecord bucket = backend.createBucket(request.scope(), address.bucket(), constraint,
                request.header("x-amz-object-ownership"), AccessRoutes.headers(request),
                "true".equalsIgnoreCase(request.header("x-amz-bucket-object-lock-enabled")));
        return AwsResponse.ok().header("Location", "/" + bucket.name()).body(new byte[0], null);
    }

    AwsResponse head(AwsRequest request, S3Address address) {
        BucketRecord bucket = backend.headBucket(address.bucket());
        return AwsResponse.ok().header("x-amz-bucket-region", bucket.region()).contentLengthOnly(0, S3Xml.XML_TYPE);
    }

    AwsResponse delete(AwsRequest request, S3Address address) {
        backend.deleteBucket(address.bucket());
        return AwsResponse.status(204);
    }

    /** ListDirectoryBuckets (signed for {@code s3express}): the caller's directory buckets, of which CloudJar makes none. */
    AwsResponse listDirectory(AwsRequest request) {
        intParameter(request, "max-directory-buckets", 1000);
        XmlWriter xml = S3Xml.document("ListAllMyDirectoryBucketsResult").start("Buckets");
        for (BucketRecord bucket : backend.listDirectoryBuckets(request.scope())) {
            xml.start("Bucket").element("Name", bucket.name()).element("CreationDate", S3Xml.iso(bucket.created())).end();
        }
        return S3Xml.ok(xml.end());
    }

    AwsResponse list(AwsRequest request) {
        String prefix = request.queryParameter("prefix");
        int max = Math.min(10000, intParameter(request, "max-buckets", 10000));
        String after = PageToken.decodeOrNull(request.queryParameter("continuation-token"));
        String regionFilter = request.queryParameter("bucket-region");
        List<BucketRecord> buckets = backend.listBuckets(request.scope(), prefix);
        XmlWriter xml = S3Xml.document("ListAllMyBucketsResult");
        S3Xml.owner(xml, "Owner", request.scope().account());
        xml.start("Buckets");
        String last = null;
        int count = 0;
        boolean truncated = false;
        for (BucketRecord bucket : buckets) {
            if ((after != null && bucket.name().compareTo(after) <= 0) || (regionFilter != null && !regionFilter.equals(bucket.region()))) {
                continue;
            }
            if (count == max) {
                truncated = true;
                break;
            }
            xml.start("Bucket").element("Name", bucket.name()).element("CreationDate", S3Xml.iso(bucket.created()))
                    .element("BucketRegion", bucket.region()).end();
            last = bucket.name();
            count++;
        }
        xml.end();
        if (truncated) {
            xml.element("ContinuationToken", PageToken.encode(last));
        }
        xml.element("Prefix", prefix);
        return S3Xml.ok(xml);
    }

    AwsResponse location(AwsRequest request, S3Address address) {
        BucketRecord bucket = backend.headBucket(address.bucket());
        XmlWriter xml = new XmlWriter().declaration().start("LocationConstraint", S3Xml.NS);
        if (!"us-east-1".equals(bucket.region())) {
            xml.text(bucket.region());
        }
        return S3Xml.ok(xml);
    }

    AwsResponse versioning(AwsRequest request, S3Address address) {
        VersioningConfiguration configuration = backend.bucketVersioning(address.bucket());
        XmlWriter xml = S3Xml.document("VersioningConfiguration");
        if (configuration != null) {
            xml.element("Status", configuration.status()).element("MfaDelete", configuration.mfaDelete());
        }
        return S3Xml.ok(xml);
    }

    AwsResponse putVersioning(AwsRequest request, S3Address address) {
        XmlNode root = S3Xml.parse(request);
        if (!"VersioningConfiguration".equals(root.name())) {
            throw S3Errors.malformedXml();
        }
        backend.putBucketVersioning(address.bucket(), new VersioningConfiguration(root.childText("Status"), root.childText("MfaDelete")));
        return AwsResponse.ok().body(new byte[0], null);
    }

    static int intParameter(AwsRequest request, String name, int fallback) {
        return intValue(name, request.queryParameter(name), fallback);
    }

    /** A non-negative integer parameter (query or header) as S3 checks it. */
    static int intValue(String name, String value, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0) {
                throw S3Errors.invalidArgument("Argument " + name + " must be an integer between 0 and 2147483647", name, value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw S3Errors.invalidArgument("Provided " + name + " not an integer or within integer range", name, value);
        }
    }
}
