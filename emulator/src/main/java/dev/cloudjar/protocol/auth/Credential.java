package dev.cloudjar.protocol.auth;

/**
 * What a request's signature says about its caller: the access key, and for SigV4 the scope's date,
 * region and signing service. SigV2 presigned URLs carry no region or service (both null).
 */
public record Credential(String accessKey, String date, String region, String service, SignatureKind kind) {

    public enum SignatureKind { SIGV4_HEADER, SIGV4_QUERY, SIGV2_QUERY, SIGV2_HEADER }
}
