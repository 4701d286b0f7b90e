package dev.cloudjar.services.s3;

/** Who asked, as S3 event records report it: the request id and the caller's IP address. */
public record Caller(String requestId, String sourceIp) {
    public static Caller internal() {
        return new Caller("00000000-0000-0000-0000-000000000000", "127.0.0.1");
    }
}
