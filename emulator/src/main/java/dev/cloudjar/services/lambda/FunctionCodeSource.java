package dev.cloudjar.services.lambda;

import dev.cloudjar.core.Scope;

/**
 * Reads a deployment package stored in S3 (CreateFunction / UpdateFunctionCode with S3Bucket and
 * S3Key). Implemented by {@code dev.cloudjar.integration} over the S3 backend; throws AwsException with
 * Lambda's message when the object cannot be read.
 */
public interface FunctionCodeSource {
    /** The object's bytes, at most {@code maxBytes}; longer objects are an InvalidParameterValueException. */
    byte[] read(Scope scope, String bucket, String key, String versionId, long maxBytes);

    /** The default before integration is wired: no S3 here. */
    FunctionCodeSource NONE = (scope, bucket, key, versionId, maxBytes) -> {
        throw LambdaErrors.invalid("Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified bucket does not exist");
    };
}
