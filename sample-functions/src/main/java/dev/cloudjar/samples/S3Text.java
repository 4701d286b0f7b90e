package dev.cloudjar.samples;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.s3.S3Client;

/** Reads the object an S3 event names, as text (the seeds download it to /tmp first; memory is enough here). */
public final class S3Text {
    private S3Text() {
    }

    public static String read(S3Client s3, S3Event event) {
        S3EventNotificationRecord record = event.getRecords().get(0);
        String bucket = record.getS3().getBucket().getName();
        String key = record.getS3().getObject().getUrlDecodedKey();
        System.out.println("Reading s3://" + bucket + "/" + key);
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8);
    }
}
