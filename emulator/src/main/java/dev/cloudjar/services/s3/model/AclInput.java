package dev.cloudjar.services.s3.model;

import java.util.List;

/**
 * The ACL a request asks for: a canned ACL ({@code x-amz-acl}) or explicit grants (the
 * {@code x-amz-grant-*} headers or an AccessControlPolicy body); both null when it asks for none.
 */
public record AclInput(String canned, List<Grant> grants) {
    public static final AclInput NONE = new AclInput(null, null);
}
