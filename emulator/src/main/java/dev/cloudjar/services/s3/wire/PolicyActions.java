package dev.cloudjar.services.s3.wire;

import dev.cloudjar.protocol.AwsRequest;
import java.util.Map;

/** The IAM action a bucket policy names for each S3 operation (where it is not {@code s3:<Operation>}). */
final class PolicyActions {
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("HeadObject", "s3:GetObject"), Map.entry("HeadBucket", "s3:ListBucket"),
            Map.entry("ListObjects", "s3:ListBucket"), Map.entry("ListObjectsV2", "s3:ListBucket"),
            Map.entry("ListObjectVersions", "s3:ListBucketVersions"), Map.entry("ListMultipartUploads", "s3:ListBucketMultipartUploads"),
            Map.entry("ListParts", "s3:ListMultipartUploadParts"), Map.entry("CreateMultipartUpload", "s3:PutObject"),
            Map.entry("UploadPart", "s3:PutObject"), Map.entry("UploadPartCopy", "s3:PutObject"),
            Map.entry("CompleteMultipartUpload", "s3:PutObject"), Map.entry("CopyObject", "s3:PutObject"),
            Map.entry("DeleteObjects", "s3:DeleteObject"), Map.entry("GetBucketCors", "s3:GetBucketCORS"),
            Map.entry("PutBucketCors", "s3:PutBucketCORS"), Map.entry("DeleteBucketCors", "s3:PutBucketCORS"),
            Map.entry("ListBuckets", "s3:ListAllMyBuckets"), Map.entry("GetBucketAbac", "s3:GetBucketABAC"),
            Map.entry("PutBucketAbac", "s3:PutBucketABAC"), Map.entry("ListDirectoryBuckets", "s3express:ListAllMyDirectoryBuckets"));

    private PolicyActions() {
    }

    static String of(String operation, AwsRequest request) {
        if (operation == null) {
            return "s3:*";
        }
        boolean version = request.queryParameter("versionId") != null;
        return switch (operation) {
            case "GetObject", "HeadObject" -> version ? "s3:GetObjectVersion" : "s3:GetObject";
            case "DeleteObject" -> version ? "s3:DeleteObjectVersion" : "s3:DeleteObject";
            case "GetObjectAcl" -> version ? "s3:GetObjectVersionAcl" : "s3:GetObjectAcl";
            case "PutObjectAcl" -> version ? "s3:PutObjectVersionAcl" : "s3:PutObjectAcl";
            default -> ACTIONS.getOrDefault(operation, "s3:" + operation);
        };
    }
}
