package dev.cloudjar.services.iam;

import static dev.cloudjar.services.iam.IamRolesIT.TRUST;
import static dev.cloudjar.services.iam.IamRolesIT.decoded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.testing.CloudJarExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Tag;

/** Managed policies through the SDK v2 IamClient: customer ones with versions, and the AWS managed ones. */
@ExtendWith(CloudJarExtension.class)
class IamPoliciesIT {
    private static final String S3_READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"*\"}]}";

    private static String document(int n) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"arn:aws:sqs:*:*:q" + n + "\"}]}";
    }

    @Test
    void awsManagedPoliciesAreThereWithTheirPathsAndDocuments(IamClient iam) throws Exception {
        Policy basic = iam.getPolicy(b -> b.policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")).policy();
        assertEquals("AWSLambdaBasicExecutionRole", basic.policyName());
        assertEquals("/service-role/", basic.path());
        assertEquals("v1", basic.defaultVersionId());
        assertTrue(basic.isAttachable());
        assertTrue(basic.policyId().matches("ANPA[A-Z2-7]{17}"), basic.policyId());
        PolicyVersion version = iam.getPolicyVersion(b -> b.policyArn(basic.arn()).versionId("v1")).policyVersion();
        assertTrue(version.isDefaultVersion());
        JsonNode statement = new ObjectMapper().readTree(decoded(version.document())).get("Statement").get(0);
        assertEquals("Allow", statement.get("Effect").asText());
        assertEquals("logs:CreateLogGroup", statement.get("Action").get(0).asText());

        for (String arn : List.of("arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole",
                "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole",
                "arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole",
                "arn:aws:iam::aws:policy/service-role/AWSLambdaRole", "arn:aws:iam::aws:policy/AmazonS3FullAccess",
                "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess",
                "arn:aws:iam::aws:policy/AmazonSQSFullAccess", "arn:aws:iam::aws:policy/AmazonSNSFullAccess",
                "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess", "arn:aws:iam::aws:policy/AdministratorAccess",
                "arn:aws:iam::aws:policy/AWSLambda_FullAccess", "arn:aws:iam::aws:policy/AWSLambdaExecute",
                "arn:aws:iam::aws:policy/AmazonAPIGatewayInvokeFullAccess", "arn:aws:iam::aws:policy/AmazonKinesisFullAccess")) {
            Policy policy = iam.getPolicy(b -> b.policyArn(arn)).policy();
            assertEquals(arn, policy.arn());
            String doc = iam.getPolicyVersion(b -> b.policyArn(arn).versionId(policy.defaultVersionId())).policyVersion().document();
            assertTrue(new ObjectMapper().readTree(decoded(doc)).has("Statement"), arn);
        }
        NoSuchEntityException missing = assertThrows(NoSuchEntityException.class,
                () -> iam.getPolicy(b -> b.policyArn("arn:aws:iam::aws:policy/NoSuchThing")));
        assertEquals("Policy arn:aws:iam::aws:policy/NoSuchThing was not found.", missing.awsErrorDetails().errorMessage());
        IamException denied = assertThrows(IamException.class, () -> iam.deletePolicy(b -> b.policyArn(basic.arn())));
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
    }

    @Test
    void customerPolicyLifecycle(IamClient iam) {
        Policy created = iam.createPolicy(b -> b.policyName("read-s3").path("/app/").policyDocument(S3_READ).description("reads")).policy();
        assertEquals("arn:aws:iam::000000000000:policy/app/read-s3", created.arn());
        assertEquals("v1", created.defaultVersionId());
        assertEquals(0, created.attachmentCount());
        EntityAlreadyExistsException exists = assertThrows(EntityAlreadyExistsException.class,
                () -> iam.createPolicy(b -> b.policyName("read-s3").policyDocument(S3_READ)));
        assertEquals("A policy called read-s3 already exists. Duplicate names are not allowed.", exists.awsErrorDetails().errorMessage());
        assertThrows(MalformedPolicyDocumentException.class, () -> iam.createPolicy(b -> b.policyName("bad").policyDocument("{")));

        iam.createRole(b -> b.roleName("reader").assumeRolePolicyDocument(TRUST));
        iam.attachRolePolicy(b -> b.roleName("reader").policyArn(created.arn()));
        assertEquals(1, iam.getPolicy(b -> b.policyArn(created.arn())).policy().attachmentCount());
        DeleteConflictException attached = assertThrows(DeleteConflictException.class, () -> iam.deletePolicy(b -> b.policyArn(created.arn())));
        assertEquals("Cannot delete a policy attached to entities.", attached.awsErrorDetails().errorMessage());
        iam.detachRolePolicy(b -> b.roleName("reader").policyArn(created.arn()));
        iam.deleteRole(b -> b.roleName("reader"));
        iam.deletePolicy(b -> b.policyArn(created.arn()));
        assertThrows(NoSuchEntityException.class, () -> iam.getPolicy(b -> b.policyArn(created.arn())));
    }

    @Test
    void policyTagsAndTheEntitiesAPolicyIsAttachedTo(IamClient iam) {
        String arn = iam.createPolicy(b -> b.policyName("shared").policyDocument(S3_READ)
                .tags(Tag.builder().key("owner").value("me").build())).policy().arn();
        iam.tagPolicy(b -> b.policyArn(arn).tags(Tag.builder().key("env").value("dev").build()));
        iam.untagPolicy(b -> b.policyArn(arn).tagKeys("owner"));
        assertEquals(List.of(Tag.builder().key("env").value("dev").build()), iam.listPolicyTags(b -> b.policyArn(arn)).tags());
        assertEquals(List.of(Tag.builder().key("env").value("dev").build()), iam.getPolicy(b -> b.policyArn(arn)).policy().tags());

        iam.createRole(b -> b.roleName("shared-role").assumeRolePolicyDocument(TRUST));
        iam.createUser(b -> b.userName("shared-user"));
        iam.attachRolePolicy(b -> b.roleName("shared-role").policyArn(arn));
        iam.attachUserPolicy(b -> b.userName("shared-user").policyArn(arn));
        var entities = iam.listEntitiesForPolicy(b -> b.policyArn(arn));
        assertEquals(List.of("shared-role"), entities.policyRoles().stream().map(r -> r.roleName()).toList());
        assertEquals(List.of("shared-user"), entities.policyUsers().stream().map(u -> u.userName()).toList());
        assertTrue(entities.policyGroups().isEmpty());
        assertTrue(iam.listEntitiesForPolicy(b -> b.policyArn(arn).entityFilter(EntityType.USER)).policyRoles().isEmpty());
        assertEquals(2, iam.getPolicy(b -> b.policyArn(arn)).policy().attachmentCount());
        assertThrows(NoSuchEntityException.class, () -> iam.listEntitiesForPolicy(b -> b.policyArn("arn:aws:iam::000000000000:policy/none")));
        iam.detachRolePolicy(b -> b.roleName("shared-role").policyArn(arn));
        iam.detachUserPolicy(b -> b.userName("shared-user").policyArn(arn));
        iam.deleteRole(b -> b.roleName("shared-role"));
        iam.deleteUser(b -> b.userName("shared-user"));
        iam.deletePolicy(b -> b.policyArn(arn));
    }

    @Test
    void policyVersionsUpToFive(IamClient iam) {
        String arn = iam.createPolicy(b -> b.policyName("versioned").policyDocument(document(1))).policy().arn();
        PolicyVersion v2 = iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(document(2))).policyVersion();
        assertEquals("v2", v2.versionId());
        assertFalse(v2.isDefaultVersion());
        PolicyVersion v3 = iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(document(3)).setAsDefault(true)).policyVersion();
        assertTrue(v3.isDefaultVersion());
        assertEquals("v3", iam.getPolicy(b -> b.policyArn(arn)).policy().defaultVersionId());
        iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(document(4)));
        iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(document(5)));
        LimitExceededException limit = assertThrows(LimitExceededException.class,
                () -> iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(document(6))));
        assertEquals("A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.",
                limit.awsErrorDetails().errorMessage());
        assertEquals(List.of("v5", "v4", "v3", "v2", "v1"), iam.listPolicyVersions(b -> b.policyArn(arn)).versions().stream()
                .map(PolicyVersion::versionId).toList());

        DeleteConflictException defaultVersion = assertThrows(DeleteConflictException.class,
                () -> iam.deletePolicyVersion(b -> b.policyArn(arn).versionId("v3")));
        assertEquals("Cannot delete the default version of a policy.", defaultVersion.awsErrorDetails().errorMessage());
        iam.deletePolicyVersion(b -> b.policyArn(arn).versionId("v1"));
        iam.setDefaultPolicyVersion(b -> b.policyArn(arn).versionId("v5"));
        assertEquals(document(5), decoded(iam.getPolicyVersion(b -> b.policyArn(arn).versionId("v5")).policyVersion().document()));
        assertFalse(iam.getPolicyVersion(b -> b.policyArn(arn).versionId("v3")).policyVersion().isDefaultVersion());
        assertEquals("v6", iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(document(6))).policyVersion().versionId(),
                "version ids are never reused");
        assertThrows(NoSuchEntityException.class, () -> iam.getPolicyVersion(b -> b.policyArn(arn).versionId("v1")));
        assertThrows(NoSuchEntityException.class, () -> iam.setDefaultPolicyVersion(b -> b.policyArn(arn).versionId("v9")));
        DeleteConflictException versions = assertThrows(DeleteConflictException.class, () -> iam.deletePolicy(b -> b.policyArn(arn)));
        assertTrue(versions.awsErrorDetails().errorMessage().startsWith("This policy has more than one version."));
    }

    @Test
    void listPoliciesByScopeAttachmentPathAndPages(IamClient iam) {
        String local = iam.createPolicy(b -> b.policyName("listed-local").path("/listed/").policyDocument(S3_READ)).policy().arn();
        List<Policy> aws = iam.listPoliciesPaginator(b -> b.scope(PolicyScopeType.AWS)).policies().stream().toList();
        assertTrue(aws.size() >= 16, aws.size() + " AWS managed policies");
        assertTrue(aws.stream().allMatch(p -> p.arn().startsWith("arn:aws:iam::aws:policy/")));
        List<String> localArns = iam.listPolicies(b -> b.scope(PolicyScopeType.LOCAL)).policies().stream().map(Policy::arn).toList();
        assertTrue(localArns.contains(local));
        assertTrue(localArns.stream().noneMatch(a -> a.startsWith("arn:aws:iam::aws:")));
        assertEquals(List.of(local), iam.listPolicies(b -> b.pathPrefix("/listed/")).policies().stream().map(Policy::arn).toList());
        assertEquals(List.of("arn:aws:iam::aws:policy/service-role/AWSLambdaRole"), iam.listPolicies(b -> b.scope(PolicyScopeType.AWS)
                .pathPrefix("/service-role/").maxItems(100)).policies().stream().map(Policy::arn)
                .filter(a -> a.endsWith("/AWSLambdaRole")).toList());

        iam.createRole(b -> b.roleName("lister").assumeRolePolicyDocument(TRUST));
        iam.attachRolePolicy(b -> b.roleName("lister").policyArn("arn:aws:iam::aws:policy/AmazonSQSFullAccess"));
        List<Policy> attached = iam.listPolicies(b -> b.onlyAttached(true).scope(PolicyScopeType.AWS)).policies();
        assertEquals(List.of("AmazonSQSFullAccess"), attached.stream().map(Policy::policyName).toList());
        assertEquals(1, attached.get(0).attachmentCount());

        List<String> paged = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListPoliciesResponse page = iam.listPolicies(b -> b.scope(PolicyScopeType.AWS).maxItems(5).marker(from));
            assertTrue(page.policies().size() <= 5);
            page.policies().forEach(p -> paged.add(p.arn()));
            marker = page.isTruncated() ? page.marker() : null;
        } while (marker != null);
        assertEquals(aws.stream().map(Policy::arn).toList(), paged);
        iam.detachRolePolicy(b -> b.roleName("lister").policyArn("arn:aws:iam::aws:policy/AmazonSQSFullAccess"));
        iam.deleteRole(b -> b.roleName("lister"));
    }
}
