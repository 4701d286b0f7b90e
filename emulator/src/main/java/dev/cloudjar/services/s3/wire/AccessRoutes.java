package dev.cloudjar.services.s3.wire;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.xml.XmlNode;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.AccessControlPolicy;
import dev.cloudjar.services.s3.model.AclInput;
import dev.cloudjar.services.s3.model.Grant;
import dev.cloudjar.services.s3.model.PublicAccessBlock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bucket and object ACLs, bucket policies and their status, the public access block and ownership
 * controls; and the ACL headers ({@code x-amz-acl}, {@code x-amz-grant-*}) other writes carry.
 */
final class AccessRoutes {
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final Map<String, String> GRANT_HEADERS = Map.of("x-amz-grant-full-control", "FULL_CONTROL",
            "x-amz-grant-read", "READ", "x-amz-grant-read-acp", "READ_ACP", "x-amz-grant-write", "WRITE",
            "x-amz-grant-write-acp", "WRITE_ACP");
    private static final List<String> GRANT_ORDER = List.of("x-amz-grant-full-control", "x-amz-grant-write",
            "x-amz-grant-write-acp", "x-amz-grant-read", "x-amz-grant-read-acp");
    private final S3Backend backend;

    AccessRoutes(S3Backend backend) {
        this.backend = backend;
    }

    /** The ACL headers of a request: {@code x-amz-acl} or the {@code x-amz-grant-*} grants (NONE when neither). */
    static AclInput headers(AwsRequest request) {
        String canned = request.header("x-amz-acl");
        List<Grant> grants = null;
        for (String name : GRANT_ORDER) {
            String value = request.header(name);
            if (value == null) {
                continue;
            }
            if (grants == null) {
                grants = new ArrayList<>();
            }
            for (String part : value.split(",")) {
                grants.add(grantee(part.trim(), GRANT_HEADERS.get(name)));
            }
        }
        return new AclInput(canned, grants);
    }

    private static Grant grantee(String spec, String permission) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw S3Errors.invalidArgument("Argument format not recognized", "x-amz-grant", spec);
        }
        String type = spec.substring(0, eq).trim();
        String value = spec.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return switch (type) {
            case "id" -> new Grant(Grant.CANONICAL_USER, value, null, null, null, permission);
            case "uri" -> new Grant(Grant.GROUP, null, null, value, null, permission);
            case "emailAddress" -> new Grant(Grant.EMAIL, null, null, null, value, permission);
            default -> throw S3Errors.invalidArgument("Argument format not recognized", "x-amz-grant", spec);
        };
    }

    /** An ACL request's ACL: its headers, else its AccessControlPolicy body. */
    private static AclInput aclOf(AwsRequest request) {
        AclInput fromHeaders = headers(request);
        if (fromHeaders.canned() != null || fromHeaders.grants() != null) {
            return fromHeaders;
        }
        XmlNode root = S3Xml.parse(request);
        XmlNode list = root.child("AccessControlList");
        if (!"AccessControlPolicy".equals(root.name()) || list == null) {
            throw S3Errors.malformedAcl();
        }
        List<Grant> grants = new ArrayList<>();
        for (XmlNode grant : list.children("Grant")) {
            XmlNode grantee = grant.child("Grantee");
            if (grantee == null) {
                throw S3Errors.malformedAcl();
            }
            String permission = grant.childText("Permission");
            if (grantee.child("ID") != null) {
                grants.add(new Grant(Grant.CANONICAL_USER, grantee.childText("ID"), grantee.childText("DisplayName"), null, null,
                        permission));
            } else if (grantee.child("URI") != null) {
                grants.add(new Grant(Grant.GROUP, null, null, grantee.childText("URI"), null, permission));
            } else if (grantee.child("EmailAddress") != null) {
                grants.add(new Grant(Grant.EMAIL, null, null, null, grantee.childText("EmailAddress"), permission));
            } else {
                throw S3Errors.malformedAcl();
            }
        }
        return new AclInput(null, grants);
    }

    private static AwsResponse render(AccessControlPolicy acl) {
        XmlWriter xml = S3Xml.document("AccessControlPolicy");
        xml.start("Owner").element("ID", acl.ownerId()).element("DisplayName", acl.ownerDisplayName()).end();
        xml.start("AccessControlList");
        for (Grant grant : acl.grants()) {
            xml.start("Grant").startWithAttributes("Grantee", "xmlns:xsi", XSI, "xsi:type", grant.granteeType())
                    .element("ID", grant.id()).element("DisplayName", grant.displayName())
                    .element("EmailAddress", grant.email()).element("URI", grant.uri()).end()
                    .element("Permission", grant.permission()).end();
        }
        xml.end();
        return S3Xml.ok(xml);
    }

    AwsResponse getBucketAcl(AwsRequest request, S3Address address) {
        return render(backend.bucketAcl(address.bucket()));
    }

    AwsResponse putBucketAcl(AwsRequest request, S3Address address) {
        backend.headBucket(address.bucket());
        backend.putBucketAcl(address.bucket(), aclOf(request));
        return AwsResponse.ok().body(new byte[0], null);
    }

    AwsResponse getObjectAcl(AwsRequest request, S3Address address) {
        String versionId = request.queryParameter("versionId");
        return render(backend.objectAcl(address.bucket(), address.key(), versionId)).header("x-amz-version-id", versionId);
    }

    AwsResponse putObjectAcl(AwsRequest request, S3Address address) {
        backend.headBucket(address.bucket());
        String versionId = backend.putObjectAcl(address.bucket(), address.key(), request.queryParameter("versionId"), aclOf(request));
        return AwsResponse.ok().header("x-amz-version-id", versionId).body(new byte[0], null);
    }

    AwsResponse getPolicy(AwsRequest request, S3Address address) {
        return AwsResponse.ok().body(backend.bucketPolicy(address.bucket()).getBytes(StandardCharsets.UTF_8), "application/json");
    }

    AwsResponse putPolicy(AwsRequest request, S3Address address) {
        backend.headBucket(address.bucket());
        backend.putBucketPolicy(address.bucket(), new String(S3Xml.bodyBytes(request), StandardCharsets.UTF_8));
        return AwsResponse.status(204);
    }

    AwsResponse deletePolicy(AwsRequest request, S3Address address) {
        backend.deleteBucketPolicy(address.bucket());
        return AwsResponse.status(204);
    }

    AwsResponse policyStatus(AwsRequest request, S3Address address) {
        return S3Xml.ok(S3Xml.document("PolicyStatus").element("IsPublic", backend.bucketPolicyIsPublic(address.bucket())));
    }

    AwsResponse getPublicAccessBlock(AwsRequest request, S3Address address) {
        PublicAccessBlock block = backend.publicAccessBlock(address.bucket());
        return S3Xml.ok(S3Xml.document("PublicAccessBlockConfiguration").element("BlockPublicAcls", block.blockPublicAcls())
                .element("IgnorePublicAcls", block.ignorePublicAcls()).element("BlockPublicPolicy", block.blockPublicPolicy())
                .element("RestrictPublicBuckets", block.restrictPublicBuckets()));
    }

    AwsResponse putPublicAccessBlock(AwsRequest request, S3Address address) {
        backend.headBucket(address.bucket());
        XmlNode root = S3Xml.parse(request);
        if (!"PublicAccessBlockConfiguration".equals(root.name())) {
            throw S3Errors.malformedXml();
        }
        backend.putPublicAccessBlock(address.bucket(), new PublicAccessBlock(flag(root, "BlockPublicAcls"),
                flag(root, "IgnorePublicAcls"), flag(root, "BlockPublicPolicy"), flag(root, "RestrictPublicBuckets")));
        return AwsResponse.ok().body(new byte[0], null);
    }

    private static boolean flag(XmlNode root, String name) {
        String text = root.childText(name);
        if (text == null) {
            return false;
        }
        if (!"true".equalsIgnoreCase(text.trim()) && !"false".equalsIgnoreCase(text.trim())) {
            throw S3Errors.malformedXml();
        }
        return "true".equalsIgnoreCase(text.trim());
    }

    AwsResponse deletePublicAccessBlock(AwsRequest request, S3Address address) {
        backend.deletePublicAccessBlock(address.bucket());
        return AwsResponse.status(204);
    }

    AwsResponse getOwnership(AwsRequest request, S3Address address) {
        return S3Xml.ok(S3Xml.document("OwnershipControls").start("Rule")
                .element("ObjectOwnership", backend.bucketOwnershipControls(address.bucket())).end());
    }

    AwsResponse putOwnership(AwsRequest request, S3Address address) {
        backend.headBucket(address.bucket());
        XmlNode root = S3Xml.parse(request);
        XmlNode rule = root.child("Rule");
        if (!"OwnershipControls".equals(root.name()) || rule == null || root.children("Rule").size() != 1) {
            throw S3Errors.malformedXml();
        }
        backend.putBucketOwnershipControls(address.bucket(), rule.childText("ObjectOwnership"));
        return AwsResponse.ok().body(new byte[0], null);
    }

    AwsResponse deleteOwnership(AwsRequest request, S3Address address) {
        backend.deleteBucketOwnershipControls(address.bucket());
        return AwsResponse.status(204);
    }
}
