package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Type;

/** The S3 access model, stored and returned like S3: owners, ACLs, ownership controls, policies, public access block. */
@ExtendWith(CloudJarExtension.class)
class S3AclIT {
    private static final String OWNER = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";
    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

    private static S3Exception error(Executable call) {
        return assertThrows(S3Exception.class, call);
    }

    private static List<String> grants(List<Grant> grants) {
        return grants.stream().map(g -> g.grantee().type() + ":" + (g.grantee().id() != null ? g.grantee().id()
                : g.grantee().uri() != null ? g.grantee().uri() : g.grantee().emailAddress()) + ":" + g.permission())
                .collect(Collectors.toList());
    }

    @Test
    void newBucketsDisableAclsAndBlockPublicAccess(S3Client s3) {
        s3.createBucket(b -> b.bucket("acl-default"));
        assertEquals(ObjectOwnership.BUCKET_OWNER_ENFORCED,
                s3.getBucketOwnershipControls(b -> b.bucket("acl-default")).ownershipControls().rules().get(0).objectOwnership());
        PublicAccessBlockConfiguration block = s3.getPublicAccessBlock(b -> b.bucket("acl-default")).publicAccessBlockConfiguration();
        assertTrue(block.blockPublicAcls() && block.ignorePublicAcls() && block.blockPublicPolicy() && block.restrictPublicBuckets());
        GetBucketAclResponse acl = s3.getBucketAcl(b -> b.bucket("acl-default"));
        assertEquals(OWNER, acl.owner().id());
        assertEquals(List.of("CanonicalUser:" + OWNER + ":FULL_CONTROL"), grants(acl.grants()));

        S3Exception publicPut = error(() -> s3.putObject(b -> b.bucket("acl-default").key("k").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("x")));
        assertEquals(400, publicPut.statusCode());
        assertEquals("AccessControlListNotSupported", publicPut.awsErrorDetails().errorCode());
        assertEquals("The bucket does not allow ACLs", publicPut.awsErrorDetails().errorMessage());
        s3.putObject(b -> b.bucket("acl-default").key("k").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL), RequestBody.fromString("x"));
        assertEquals("AccessControlListNotSupported", error(() -> s3.createMultipartUpload(b -> b.bucket("acl-default").key("mp")
                .acl(ObjectCannedACL.PUBLIC_READ))).awsErrorDetails().errorCode());
        assertEquals(List.of("CanonicalUser:" + OWNER + ":FULL_CONTROL"),
                grants(s3.getObjectAcl(b -> b.bucket("acl-default").key("k")).grants()));
        assertEquals("AccessControlListNotSupported", error(() -> s3.putBucketAcl(b -> b.bucket("acl-default")
                .acl(BucketCannedACL.PUBLIC_READ))).awsErrorDetails().errorCode());
        assertEquals("InvalidBucketAclWithObjectOwnership", error(() -> s3.createBucket(b -> b.bucket("acl-refused")
                .acl(BucketCannedACL.PUBLIC_READ))).awsErrorDetails().errorCode());
        assertEquals("NoSuchBucket", error(() -> s3.headBucket(b -> b.bucket("acl-refused"))).awsErrorDetails().errorCode());
        s3.createBucket(b -> b.bucket("acl-default"));
    }

    @Test
    void aclsAreStoredWhereOwnershipAllowsThem(S3Client s3) {
        s3.createBucket(b -> b.bucket("acl-writer").objectOwnership(ObjectOwnership.OBJECT_WRITER).acl(BucketCannedACL.PUBLIC_READ));
        assertEquals(List.of("CanonicalUser:" + OWNER + ":FULL_CONTROL", "Group:" + ALL_USERS + ":READ"),
                grants(s3.getBucketAcl(b -> b.bucket("acl-writer")).grants()));
        s3.putObject(b -> b.bucket("acl-writer").key("k").grantRead("uri=\"" + ALL_USERS + "\"").grantFullControl("id=\"" + OWNER + "\""),
                RequestBody.fromString("x"));
        assertEquals(List.of("CanonicalUser:" + OWNER + ":FULL_CONTROL", "Group:" + ALL_USERS + ":READ"),
                grants(s3.getObjectAcl(b -> b.bucket("acl-writer").key("k")).grants()));

        s3.putObjectAcl(b -> b.bucket("acl-writer").key("k").accessControlPolicy(p -> p.owner(o -> o.id(OWNER)).grants(
                Grant.builder().grantee(Grantee.builder().type(Type.CANONICAL_USER).id("abc123").build()).permission(Permission.WRITE_ACP).build(),
                Grant.builder().grantee(Grantee.builder().type(Type.AMAZON_CUSTOMER_BY_EMAIL).emailAddress("dev@example.com").build())
                        .permission(Permission.READ).build())));
        GetObjectAclResponse objectAcl = s3.getObjectAcl(b -> b.bucket("acl-writer").key("k"));
        assertEquals(List.of("CanonicalUser:abc123:WRITE_ACP", "AmazonCustomerByEmail:dev@example.com:READ"), grants(objectAcl.grants()));
        assertEquals(OWNER, objectAcl.owner().id());

        String upload = s3.createMultipartUpload(b -> b.bucket("acl-writer").key("mp").acl(ObjectCannedACL.PUBLIC_READ)).uploadId();
        String part = s3.uploadPart(b -> b.bucket("acl-writer").key("mp").uploadId(upload).partNumber(1), RequestBody.fromString("p"))
                .eTag();
        s3.completeMultipartUpload(b -> b.bucket("acl-writer").key("mp").uploadId(upload).multipartUpload(m -> m.parts(p -> p
                .partNumber(1).eTag(part))));
        assertEquals(List.of("CanonicalUser:" + OWNER + ":FULL_CONTROL", "Group:" + ALL_USERS + ":READ"),
                grants(s3.getObjectAcl(b -> b.bucket("acl-writer").key("mp")).grants()), "a multipart upload's ACL goes to its object");
        S3Exception both = error(() -> s3.putObject(b -> b.bucket("acl-writer").key("k2").acl(ObjectCannedACL.PRIVATE)
                .grantRead("uri=\"" + ALL_USERS + "\""), RequestBody.fromString("x")));
        assertEquals("InvalidRequest", both.awsErrorDetails().errorCode());
        S3Exception enforce = error(() -> s3.putBucketOwnershipControls(b -> b.bucket("acl-writer")
                .ownershipControls(c -> c.rules(r -> r.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)))));
        assertEquals("InvalidBucketAclWithObjectOwnership", enforce.awsErrorDetails().errorCode());
        s3.createBucket(b -> b.bucket("acl-writer").objectOwnership(ObjectOwnership.OBJECT_WRITER));
        assertEquals(List.of("CanonicalUser:" + OWNER + ":FULL_CONTROL"), grants(s3.getBucketAcl(b -> b.bucket("acl-writer")).grants()),
                "re-creating an owned bucket in us-east-1 answers 200 and resets its ACL, as S3 does");
        s3.putBucketAcl(b -> b.bucket("acl-writer").acl(BucketCannedACL.PUBLIC_READ));
        s3.putBucketAcl(b -> b.bucket("acl-writer").acl(BucketCannedACL.PRIVATE));
        s3.putBucketOwnershipControls(b -> b.bucket("acl-writer")
                .ownershipControls(c -> c.rules(r -> r.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
        assertEquals(List.of("CanonicalUser:" + OWNER + ":FULL_CONTROL"), grants(s3.getObjectAcl(b -> b.bucket("acl-writer").key("k"))
                .grants()), "with ACLs disabled, reads show the owner's full control");
    }

    @Test
    void policiesAreValidatedStoredAndJudged(S3Client s3) {
        s3.createBucket(b -> b.bucket("acl-policy"));
        assertEquals("NoSuchBucketPolicy", error(() -> s3.getBucketPolicy(b -> b.bucket("acl-policy"))).awsErrorDetails().errorCode());
        S3Exception bad = error(() -> s3.putBucketPolicy(b -> b.bucket("acl-policy").policy("not json")));
        assertEquals("MalformedPolicy", bad.awsErrorDetails().errorCode());
        assertEquals("Policies must be valid JSON and the first byte must be '{'", bad.awsErrorDetails().errorMessage());
        assertEquals("MalformedPolicy", error(() -> s3.putBucketPolicy(b -> b.bucket("acl-policy").policy("{\"Version\": \"2012-10-17\"}")))
                .awsErrorDetails().errorCode());
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acl-policy/*\"}]}";
        s3.putBucketPolicy(b -> b.bucket("acl-policy").policy(policy));
        assertEquals(policy, s3.getBucketPolicy(b -> b.bucket("acl-policy")).policy());
        assertTrue(s3.getBucketPolicyStatus(b -> b.bucket("acl-policy")).policyStatus().isPublic());
        String privatePolicy = policy.replace("\"*\"", "{\"AWS\":\"arn:aws:iam::000000000000:root\"}");
        s3.putBucketPolicy(b -> b.bucket("acl-policy").policy(privatePolicy));
        assertFalse(s3.getBucketPolicyStatus(b -> b.bucket("acl-policy")).policyStatus().isPublic());
        s3.deleteBucketPolicy(b -> b.bucket("acl-policy"));
        assertEquals("NoSuchBucketPolicy", error(() -> s3.getBucketPolicy(b -> b.bucket("acl-policy"))).awsErrorDetails().errorCode());
    }

    @Test
    void publicAccessBlockAndOwnershipControlsCanBeChangedAndDeleted(S3Client s3) {
        s3.createBucket(b -> b.bucket("acl-pab"));
        s3.putPublicAccessBlock(b -> b.bucket("acl-pab").publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                .blockPublicPolicy(false)));
        PublicAccessBlockConfiguration block = s3.getPublicAccessBlock(b -> b.bucket("acl-pab")).publicAccessBlockConfiguration();
        assertTrue(block.blockPublicAcls());
        assertFalse(block.blockPublicPolicy());
        assertFalse(block.ignorePublicAcls(), "an absent member is false");
        s3.deletePublicAccessBlock(b -> b.bucket("acl-pab"));
        assertEquals("NoSuchPublicAccessBlockConfiguration", error(() -> s3.getPublicAccessBlock(b -> b.bucket("acl-pab")))
                .awsErrorDetails().errorCode());
        s3.putBucketOwnershipControls(b -> b.bucket("acl-pab")
                .ownershipControls(c -> c.rules(r -> r.objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED))));
        assertEquals(ObjectOwnership.BUCKET_OWNER_PREFERRED,
                s3.getBucketOwnershipControls(b -> b.bucket("acl-pab")).ownershipControls().rules().get(0).objectOwnership());
        s3.deleteBucketOwnershipControls(b -> b.bucket("acl-pab"));
        assertEquals("OwnershipControlsNotFoundError", error(() -> s3.getBucketOwnershipControls(b -> b.bucket("acl-pab")))
                .awsErrorDetails().errorCode());
        assertEquals("NoSuchBucket", error(() -> s3.getBucketAcl(b -> b.bucket("acl-none"))).awsErrorDetails().errorCode());
    }
}
