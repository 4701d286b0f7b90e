package dev.cloudjar.services.s3;

import dev.cloudjar.core.AwsException;
import java.util.LinkedHashMap;
import java.util.Map;

/** S3's errors with AWS's codes, statuses and messages (PROTOCOLS 4.10 and the S3 error code list). */
public final class S3Errors {
    private S3Errors() {
    }

    public static AwsException noSuchBucket(String bucket) {
        return new AwsException(404, "NoSuchBucket", "The specified bucket does not exist").with("BucketName", bucket);
    }

    public static AwsException noSuchKey(String key) {
        return new AwsException(404, "NoSuchKey", "The specified key does not exist.").with("Key", key);
    }

    public static AwsException bucketAlreadyOwnedByYou(String bucket) {
        return new AwsException(409, "BucketAlreadyOwnedByYou",
                "Your previous request to create the named bucket succeeded and you already own it.").with("BucketName", bucket);
    }

    public static AwsException bucketAlreadyExists(String bucket) {
        return new AwsException(409, "BucketAlreadyExists",
                "The requested bucket name is not available. The bucket namespace is shared by all users of the system. "
                        + "Please select a different name and try again.").with("BucketName", bucket);
    }

    public static AwsException bucketNotEmpty(String bucket) {
        return new AwsException(409, "BucketNotEmpty", "The bucket you tried to delete is not empty").with("BucketName", bucket);
    }

    public static AwsException invalidBucketName(String bucket) {
        return new AwsException(400, "InvalidBucketName", "The specified bucket is not valid.").with("BucketName", bucket);
    }

    public static AwsException metadataTooLarge(int size, int max) {
        return new AwsException(400, "MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size.")
                .with("Size", String.valueOf(size)).with("MaxSizeAllowed", String.valueOf(max));
    }

    public static AwsException keyTooLong(int size) {
        return new AwsException(400, "KeyTooLongError", "Your key is too long")
                .with("Size", String.valueOf(size)).with("MaxSizeAllowed", "1024");
    }

    public static AwsException invalidRange(long size, String range) {
        return new AwsException(416, "InvalidRange", "The requested range is not satisfiable")
                .with("ActualObjectSize", String.valueOf(size)).with("RangeRequested", range);
    }

    public static AwsException preconditionFailed(String condition) {
        return new AwsException(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold")
                .with("Condition", condition);
    }

    public static AwsException notModified() {
        return new AwsException(304, "NotModified", "Not Modified");
    }

    public static AwsException entityTooSmall(int partNumber, long size, String eTag) {
        return new AwsException(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size")
                .with("ETag", eTag).with("MinSizeAllowed", "5242880").with("PartNumber", String.valueOf(partNumber))
                .with("ProposedSize", String.valueOf(size));
    }

    public static AwsException invalidPart(int partNumber, String eTag) {
        return new AwsException(400, "InvalidPart", "One or more of the specified parts could not be found.  The part may not "
                + "have been uploaded, or the specified entity tag may not match the part's entity tag.")
                .with("ETag", eTag).with("PartNumber", String.valueOf(partNumber));
    }

    public static AwsException invalidPartOrder() {
        return new AwsException(400, "InvalidPartOrder",
                "The list of parts was not in ascending order. Parts must be ordered by part number.");
    }

    public static AwsException noSuchUpload(String uploadId) {
        return new AwsException(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, "
                + "or the upload may have been aborted or completed.").with("UploadId", uploadId);
    }

    public static AwsException malformedXml() {
        return new AwsException(400, "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema");
    }

    public static AwsException invalidArgument(String message, String name, String value) {
        return new AwsException(400, "InvalidArgument", message).with("ArgumentName", name).with("ArgumentValue", value);
    }

    public static AwsException invalidRequest(String message) {
        return new AwsException(400, "InvalidRequest", message);
    }

    public static AwsException badDigest(String algorithmName) {
        if ("MD5".equals(algorithmName)) {
            return new AwsException(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
        }
        return new AwsException(400, "BadDigest", "The " + algorithmName + " you specified did not match the calculated checksum.");
    }

    public static AwsException invalidDigest() {
        return new AwsException(400, "InvalidDigest", "The Content-MD5 you specified was invalid.");
    }

    public static AwsException contentSha256Mismatch(String claimed, String computed) {
        return new AwsException(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.")
                .with("ClientComputedContentSHA256", claimed).with("S3ComputedContentSHA256", computed);
    }

    public static AwsException incompleteBody() {
        return new AwsException(400, "IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header.");
    }

    public static AwsException entityTooLarge(long proposed, long max) {
        return new AwsException(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size")
                .with("ProposedSize", String.valueOf(proposed)).with("MaxSizeAllowed", String.valueOf(max));
    }

    /** A browser POST's file below its policy's content-length-range. */
    public static AwsException entityTooSmall(long proposed, long min) {
        return new AwsException(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size")
                .with("ProposedSize", String.valueOf(proposed)).with("MinSizeAllowed", String.valueOf(min));
    }

    public static AwsException notImplemented(String what) {
        return new AwsException(501, "NotImplemented", "A header or query you provided requested a function that is not implemented.")
                .with("Header", what);
    }

    public static AwsException noSuchTagSet() {
        return new AwsException(404, "NoSuchTagSet", "The TagSet does not exist");
    }

    public static AwsException noSuchCors(String bucket) {
        return new AwsException(404, "NoSuchCORSConfiguration", "The CORS configuration does not exist").with("BucketName", bucket);
    }

    public static AwsException invalidTag(String message) {
        return new AwsException(400, "InvalidTag", message);
    }

    public static AwsException corsForbidden(String message) {
        return new AwsException(403, "AccessForbidden", message);
    }

    public static AwsException illegalLocationConstraint(String constraint, String region) {
        if (constraint == null) {
            return new AwsException(400, "IllegalLocationConstraintException",
                    "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.");
        }
        return new AwsException(400, "IllegalLocationConstraintException", "The " + constraint
                + " location constraint is incompatible for the region specific endpoint this request was sent to.");
    }

    public static AwsException invalidLocationConstraint(String constraint) {
        return new AwsException(400, "InvalidLocationConstraint", "The specified location-constraint is not valid")
                .with("LocationConstraint", constraint);
    }

    public static AwsException methodNotAllowed(String method, String resourceType) {
        return new AwsException(405, "MethodNotAllowed", "The specified method is not allowed against this resource.")
                .with("Method", method).with("ResourceType", resourceType);
    }

    /** An S3 error that also carries response headers (x-amz-delete-marker, x-amz-version-id on a marker). */
    public static final class Headed extends AwsException {
        private final Map<String, String> headers = new LinkedHashMap<>();

        Headed(int status, String code, String message) {
            super(status, code, message);
        }

        Headed header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Map<String, String> headers() {
            return Map.copyOf(headers);
        }
    }

    /** GET/HEAD of a key whose current version is a delete marker. */
    public static AwsException noSuchKeyDeleted(String key, String markerVersionId) {
        Headed e = new Headed(404, "NoSuchKey", "The specified key does not exist.");
        e.with("Key", key);
        return e.header("x-amz-delete-marker", "true").header("x-amz-version-id", markerVersionId);
    }

    /** GET/HEAD/tagging of a delete marker named by its version id. */
    public static AwsException deleteMarkerNotAllowed(String method, String markerVersionId, java.time.Instant lastModified) {
        Headed e = new Headed(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        e.with("Method", method).with("ResourceType", "DeleteMarker");
        return e.header("x-amz-delete-marker", "true").header("x-amz-version-id", markerVersionId).header("Last-Modified",
                java.time.format.DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US)
                        .withZone(java.time.ZoneOffset.UTC).format(lastModified));
    }

    public static AwsException noSuchVersion(String key, String versionId) {
        return new AwsException(404, "NoSuchVersion", "The specified version does not exist.").with("Key", key).with("VersionId", versionId);
    }

    public static AwsException invalidVersionId(String versionId) {
        return invalidArgument("Invalid version id specified", "versionId", versionId);
    }

    public static AwsException invalidUri() {
        return new AwsException(400, "InvalidURI", "Couldn't parse the specified URI.");
    }

    public static AwsException missingContentLength() {
        return new AwsException(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
    }

    public static AwsException aclNotSupported() {
        return new AwsException(400, "AccessControlListNotSupported", "The bucket does not allow ACLs");
    }

    public static AwsException invalidBucketAclWithObjectOwnership() {
        return new AwsException(400, "InvalidBucketAclWithObjectOwnership",
                "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
    }

    public static AwsException malformedAcl() {
        return new AwsException(400, "MalformedACLError",
                "The XML you provided was not well-formed or did not validate against our published schema");
    }
}
