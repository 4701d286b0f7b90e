package dev.cloudjar.services.lambda.code;

/** AWS's deployment package quotas for .zip packages. */
public final class CodeLimits {
    /** Zipped package uploaded directly or through S3. */
    public static final long MAX_ZIPPED_BYTES = 50L * 1024 * 1024;
    /** Sum of the uncompressed sizes of every entry. */
    public static final long MAX_UNZIPPED_BYTES = 262_144_000L;
    /** Entries in one package; protects against archives of millions of empty files. */
    public static final int MAX_ENTRIES = 100_000;

    private CodeLimits() {
    }
}
