package dev.cloudjar.integration;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.dynamodb.backup.ExportStore;
import dev.cloudjar.services.s3.Caller;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.model.GetObjectInput;
import dev.cloudjar.services.s3.model.ListObjectsInput;
import dev.cloudjar.services.s3.model.ListObjectsResult;
import dev.cloudjar.services.s3.model.ObjectHeaders;
import dev.cloudjar.services.s3.model.ObjectRead;
import dev.cloudjar.services.s3.model.ObjectRecord;
import dev.cloudjar.services.s3.model.PutObjectInput;
import dev.cloudjar.services.s3.model.UploadBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** DynamoDB exports and imports through CloudJar's own S3 (ExportTableToPointInTime, ImportTable). */
public final class S3ExportStore implements ExportStore {
    private static final Caller DYNAMODB = new Caller("dynamodb-export", "127.0.0.1");
    private final Supplier<S3Backend> s3;

    public S3ExportStore(Supplier<S3Backend> s3) {
        this.s3 = s3;
    }

    @Override
    public void write(Scope scope, String bucket, String key, byte[] bytes) {
        ObjectHeaders headers = new ObjectHeaders(key.endsWith(".json") ? "application/json" : null, null, null, null, null, null,
                null, null, Map.of());
        s3.get().putObject(scope, new PutObjectInput(bucket, key, headers, Map.of()), body(bytes), DYNAMODB);
    }

    @Override
    public List<String> list(Scope scope, String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        String after = null;
        while (true) {
            ListObjectsResult page = s3.get().listObjects(new ListObjectsInput(bucket, prefix, null, after, 1000));
            for (ObjectRecord o : page.contents()) {
                keys.add(o.key());
            }
            if (!page.truncated() || page.contents().isEmpty()) {
                return keys;
            }
            after = page.contents().get(page.contents().size() - 1).key();
        }
    }

    @Override
    public byte[] read(Scope scope, String bucket, String key, long maxBytes) {
        ObjectRead read = s3.get().getObject(new GetObjectInput(bucket, key, null, null, null, null, null, null));
        if (read.length() > maxBytes) {
            throw new AwsException(400, "EntityTooLarge", "Object " + key + " is larger than " + maxBytes + " bytes");
        }
        try (InputStream in = s3.get().openObject(read)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UploadBody body(byte[] bytes) {
        return new UploadBody() {
            @Override
            public InputStream stream() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public long declaredLength() {
                return bytes.length;
            }

            @Override
            public BodyDigests finish() {
                try {
                    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
                    return new BodyDigests(md5, bytes.length, null, null);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("MD5 is part of every JDK", e);
                }
            }
        };
    }
}
