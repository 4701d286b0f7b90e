package dev.cloudjar.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error AWS would answer with: the literal AWS error code, the HTTP status and AWS's message.
 * Backends throw it; each protocol's renderer turns it into that protocol's error shape.
 * {@link #details()} carries extra fields some protocols show (S3's {@code <BucketName>}, DynamoDB's
 * {@code Item} for a failed condition), and {@link #legacyCode()} the code the AWS Query protocol used
 * before a JSON migration (SQS's {@code x-amzn-query-error}).
 */
public class AwsException extends RuntimeException {
    private final String code;
    private final int status;
    private final boolean senderFault;
    private final Map<String, Object> details = new LinkedHashMap<>();
    private String legacyCode;

    public AwsException(int status, String code, String message) {
        this(status, code, message, status < 500);
    }

    public AwsException(int status, String code, String message, boolean senderFault) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.senderFault = senderFault;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public boolean senderFault() {
        return senderFault;
    }

    /** Adds a protocol-visible extra field and returns this exception for chaining. */
    public AwsException with(String name, Object value) {
        if (value != null) {
            details.put(name, value);
        }
        return this;
    }

    public Map<String, Object> details() {
        return Collections.unmodifiableMap(details);
    }

    public AwsException legacyCode(String legacy) {
        this.legacyCode = legacy;
        return this;
    }

    public String legacyCode() {
        return legacyCode;
    }
}
