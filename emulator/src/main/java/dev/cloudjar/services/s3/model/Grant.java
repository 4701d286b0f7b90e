package dev.cloudjar.services.s3.model;

/**
 * One ACL grant. {@code granteeType} is the {@code xsi:type} S3 writes: {@code CanonicalUser} (with
 * {@code id}, and {@code displayName} when known), {@code Group} ({@code uri}) or
 * {@code AmazonCustomerByEmail} ({@code email}); {@code permission} FULL_CONTROL, WRITE, WRITE_ACP,
 * READ or READ_ACP.
 */
public record Grant(String granteeType, String id, String displayName, String uri, String email, String permission) {
    public static final String CANONICAL_USER = "CanonicalUser";
    public static final String GROUP = "Group";
    public static final String EMAIL = "AmazonCustomerByEmail";
    public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    public static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    public static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

    public static Grant user(String id, String displayName, String permission) {
        return new Grant(CANONICAL_USER, id, displayName, null, null, permission);
    }

    public static Grant group(String uri, String permission) {
        return new Grant(GROUP, null, null, uri, null, permission);
    }
}
