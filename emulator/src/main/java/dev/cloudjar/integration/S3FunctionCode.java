package dev.cloudjar.integration;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.lambda.FunctionCodeSource;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.model.GetObjectInput;
import dev.cloudjar.services.s3.model.ObjectRead;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** Lambda's deployment packages from CloudJar's own S3 ({@code Code.S3Bucket}/{@code S3Key}). */
public final class S3FunctionCode implements FunctionCodeSource {
    private final Supplier<S3Backend> s3;

    public S3FunctionCode(Supplier<S3Backend> s3) {
        this.s3 = s3;
    }

    @Override
    public byte[] read(Scope scope, String bucket, String key, String versionId, long maxBytes) {
        ObjectRead read;
        try {
            read = s3.get().getObject(new GetObjectInput(bucket, key, null, null, null, null, null, null));
        } catch (AwsException e) {
            throw new AwsException(400, "InvalidParameterValueException", "Error occurred while GetObject. S3 Error Code: "
                    + e.code() + ". S3 Error Message: " + e.getMessage());
        }
        if (read.length() > maxBytes) {
            throw new AwsException(400, "InvalidParameterValueException", "Unzipped size must be smaller than " + maxBytes + " bytes");
        }
        try (InputStream in = s3.get().openObject(read)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
