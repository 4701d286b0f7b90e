package dev.cloudjar.services.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** Roles through the SDK v2 IamClient: create, read, list, update, tag, inline and attached policies, delete. */
@ExtendWith(CloudJarExtension.class)
class IamRolesIT {
    static final String TRUST = "{\"Version\": \"2012-10-17\",\"Statement\": [{ \"Effect\": \"Allow\", "
            + "\"Principal\": {\"Service\": \"lambda.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}";
    static final String LOGS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:*\",\"Resource\":\"*\"}]}";
    static final String BASIC = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    static String decoded(String document) {
        return URLDecoder.decode(document, StandardCharsets.UTF_8);
    }

    @Test
    void createGetAndDeleteARoleAsTheLambdaTutorialDoes(IamClient iam) {
        Role created = iam.createRole(b -> b.roleName("lambda-ex").assumeRolePolicyDocument(TRUST)).role();
        assertEquals("arn:aws:iam::000000000000:role/lambda-ex", created.arn());
        assertEquals("/", created.path());
        assertTrue(created.roleId().matches("AROA[A-Z2-7]{17}"), created.roleId());
        assertTrue(Duration.between(created.createDate(), Instant.now()).abs().toMinutes() < 5);
        assertEquals(3600, created.maxSessionDuration());

        Role read = iam.getRole(b -> b.roleName("lambda-ex")).role();
        assertEquals(created.roleId(), read.roleId());
        assertEquals(TRUST, decoded(read.assumeRolePolicyDocument()));
        assertTrue(read.assumeRolePolicyDocument().startsWith("%7B%22Version%22"), "IAM returns documents URL-encoded");

        iam.deleteRole(b -> b.roleName("lambda-ex"));
        NoSuchEntityException missing = assertThrows(NoSuchEntityException.class, () -> iam.getRole(b -> b.roleName("lambda-ex")));
        assertEquals("The role with name lambda-ex cannot be found.", missing.awsErrorDetails().errorMessage());
        assertEquals(404, missing.statusCode());
    }

    @Test
    void createRoleWithEverythingAndTheErrorsUsersMeet(IamClient iam) {
        Role role = iam.createRole(b -> b.roleName("full").path("/app/team/").assumeRolePolicyDocument(TRUST)
                .description("all settings").maxSessionDuration(7200)
                .permissionsBoundary("arn:aws:iam::aws:policy/AdministratorAccess")
                .tags(Tag.builder().key("env").value("dev").build())).role();
        assertEquals("arn:aws:iam::000000000000:role/app/team/full", role.arn());
        Role read = iam.getRole(b -> b.roleName("FULL")).role();
        assertEquals("full", read.roleName(), "role names are case-insensitive");
        assertEquals("all settings", read.description());
        assertEquals(7200, read.maxSessionDuration());
        assertEquals("arn:aws:iam::aws:policy/AdministratorAccess", read.permissionsBoundary().permissionsBoundaryArn());
        assertEquals("PermissionsBoundaryPolicy", read.permissionsBoundary().permissionsBoundaryTypeAsString());
        assertEquals(List.of(Tag.builder().key("env").value("dev").build()), read.tags());

        EntityAlreadyExistsException exists = assertThrows(EntityAlreadyExistsException.class,
                () -> iam.createRole(b -> b.roleName("Full").assumeRolePolicyDocument(TRUST)));
        assertEquals("Role with name Full already exists.", exists.awsErrorDetails().errorMessage());
        assertEquals(409, exists.statusCode());

        MalformedPolicyDocumentException malformed = assertThrows(MalformedPolicyDocumentException.class,
                () -> iam.createRole(b -> b.roleName("bad").assumeRolePolicyDocument("{not json")));
        assertEquals("This policy contains invalid Json", malformed.awsErrorDetails().errorMessage());
        assertThrows(MalformedPolicyDocumentException.class,
                () -> iam.createRole(b -> b.roleName("bad").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\"}")));

        IamException duration = assertThrows(IamException.class,
                () -> iam.createRole(b -> b.roleName("bad").assumeRolePolicyDocument(TRUST).maxSessionDuration(60)));
        assertEquals("ValidationError", duration.awsErrorDetails().errorCode());
        assertEquals("1 validation error detected: Value '60' at 'maxSessionDuration' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 3600", duration.awsErrorDetails().errorMessage());
        IamException name = assertThrows(IamException.class,
                () -> iam.createRole(b -> b.roleName("bad name").assumeRolePolicyDocument(TRUST)));
        assertEquals("ValidationError", name.awsErrorDetails().errorCode());
        IamException noTrust = assertThrows(IamException.class, () -> iam.createRole(b -> b.roleName("no-trust")));
        assertEquals("1 validation error detected: Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: "
                + "Member must not be null", noTrust.awsErrorDetails().errorMessage());
    }

    @Test
    void listRolesFiltersByPathAndPages(IamClient iam) {
        for (int i = 0; i < 5; i++) {
            String roleName = "paged-" + i;
            iam.createRole(b -> b.roleName(roleName).path("/paged/").assumeRolePolicyDocument(TRUST));
        }
        iam.createRole(b -> b.roleName("elsewhere").path("/other/").assumeRolePolicyDocument(TRUST));
        List<String> names = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String from = marker;
            ListRolesResponse page = iam.listRoles(b -> b.pathPrefix("/paged/").maxItems(2).marker(from));
            page.roles().forEach(r -> names.add(r.roleName()));
            assertEquals(page.marker() != null, page.isTruncated());
            marker = page.marker();
            pages++;
        } while (marker != null);
        assertEquals(List.of("paged-0", "paged-1", "paged-2", "paged-3", "paged-4"), names);
        assertEquals(3, pages);
        List<String> all = iam.listRolesPaginator(b -> b.maxItems(1)).roles().stream().map(Role::roleName).toList();
        assertTrue(all.containsAll(List.of("elsewhere", "paged-4")), all.toString());
        assertFalse(iam.listRoles(b -> b.pathPrefix("/paged/")).isTruncated());
        IamException bad = assertThrows(IamException.class, () -> iam.listRoles(b -> b.maxItems(0)));
        assertEquals("ValidationError", bad.awsErrorDetails().errorCode());
    }

    @Test
    void updateRoleAndItsTrustPolicy(IamClient iam) {
        iam.createRole(b -> b.roleName("updated").assumeRolePolicyDocument(TRUST).description("before"));
        iam.updateRole(b -> b.roleName("updated").maxSessionDuration(43200));
        Role role = iam.getRole(b -> b.roleName("updated")).role();
        assertEquals(43200, role.maxSessionDuration());
        assertEquals("before", role.description(), "UpdateRole changes only what it is given");
        assertEquals("after", iam.updateRoleDescription(b -> b.roleName("updated").description("after")).role().description());
        assertEquals(43200, iam.getRole(b -> b.roleName("updated")).role().maxSessionDuration());
        String ec2 = TRUST.replace("lambda.amazonaws.com", "ec2.amazonaws.com");
        iam.updateAssumeRolePolicy(b -> b.roleName("updated").policyDocument(ec2));
        assertEquals(ec2, decoded(iam.getRole(b -> b.roleName("updated")).role().assumeRolePolicyDocument()));
        assertThrows(MalformedPolicyDocumentException.class,
                () -> iam.updateAssumeRolePolicy(b -> b.roleName("updated").policyDocument("[]")));
        assertThrows(NoSuchEntityException.class, () -> iam.updateRole(b -> b.roleName("absent").description("x")));
        IamException tooLong = assertThrows(IamException.class, () -> iam.updateRole(b -> b.roleName("updated").maxSessionDuration(43201)));
        assertEquals("ValidationError", tooLong.awsErrorDetails().errorCode());
    }

    @Test
    void tagUntagAndListRoleTags(IamClient iam) {
        iam.createRole(b -> b.roleName("tagged").assumeRolePolicyDocument(TRUST));
        iam.tagRole(b -> b.roleName("tagged").tags(Tag.builder().key("a").value("1").build(), Tag.builder().key("b").value("2").build()));
        iam.tagRole(b -> b.roleName("tagged").tags(Tag.builder().key("A").value("replaced").build()));
        Map<String, String> tags = iam.listRoleTags(b -> b.roleName("tagged")).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
        assertEquals(Map.of("b", "2", "A", "replaced"), tags);
        iam.untagRole(b -> b.roleName("tagged").tagKeys("b"));
        assertEquals(List.of("A"), iam.listRoleTags(b -> b.roleName("tagged")).tags().stream().map(Tag::key).toList());
        IamException duplicate = assertThrows(IamException.class, () -> iam.tagRole(b -> b.roleName("tagged")
                .tags(Tag.builder().key("x").value("1").build(), Tag.builder().key("X").value("2").build())));
        assertEquals("InvalidInput", duplicate.awsErrorDetails().errorCode());
        assertThrows(NoSuchEntityException.class, () -> iam.listRoleTags(b -> b.roleName("absent")));
    }

    @Test
    void inlineRolePolicies(IamClient iam) {
        iam.createRole(b -> b.roleName("inline").assumeRolePolicyDocument(TRUST));
        iam.putRolePolicy(b -> b.roleName("inline").policyName("logs").policyDocument(LOGS));
        iam.putRolePolicy(b -> b.roleName("inline").policyName("again").policyDocument(LOGS));
        var policy = iam.getRolePolicy(b -> b.roleName("inline").policyName("logs"));
        assertEquals("inline", policy.roleName());
        assertEquals("logs", policy.policyName());
        assertEquals(LOGS, decoded(policy.policyDocument()));
        assertEquals(List.of("again", "logs"), iam.listRolePolicies(b -> b.roleName("inline")).policyNames());

        DeleteConflictException conflict = assertThrows(DeleteConflictException.class, () -> iam.deleteRole(b -> b.roleName("inline")));
        assertEquals("Cannot delete entity, must delete policies first.", conflict.awsErrorDetails().errorMessage());
        iam.deleteRolePolicy(b -> b.roleName("inline").policyName("logs"));
        iam.deleteRolePolicy(b -> b.roleName("inline").policyName("again"));
        NoSuchEntityException gone = assertThrows(NoSuchEntityException.class,
                () -> iam.getRolePolicy(b -> b.roleName("inline").policyName("logs")));
        assertEquals("The role policy with name logs cannot be found.", gone.awsErrorDetails().errorMessage());
        assertThrows(NoSuchEntityException.class, () -> iam.deleteRolePolicy(b -> b.roleName("inline").policyName("logs")));

        MalformedPolicyDocumentException noResource = assertThrows(MalformedPolicyDocumentException.class,
                () -> iam.putRolePolicy(b -> b.roleName("inline").policyName("p")
                        .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}]}")));
        assertEquals("Policy statement must contain resources.", noResource.awsErrorDetails().errorMessage());
        assertThrows(NoSuchEntityException.class, () -> iam.putRolePolicy(b -> b.roleName("absent").policyName("p").policyDocument(LOGS)));
        iam.deleteRole(b -> b.roleName("inline"));
    }

    @Test
    void attachAndDetachManagedPolicies(IamClient iam) {
        iam.createRole(b -> b.roleName("attached").assumeRolePolicyDocument(TRUST));
        iam.attachRolePolicy(b -> b.roleName("attached").policyArn(BASIC));
        iam.attachRolePolicy(b -> b.roleName("attached").policyArn(BASIC));
        iam.attachRolePolicy(b -> b.roleName("attached").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        var attached = iam.listAttachedRolePolicies(b -> b.roleName("attached")).attachedPolicies();
        assertEquals(List.of("AWSLambdaBasicExecutionRole", "AmazonS3ReadOnlyAccess"), attached.stream().map(p -> p.policyName()).toList());
        assertEquals(List.of(BASIC), iam.listAttachedRolePolicies(b -> b.roleName("attached").pathPrefix("/service-role/"))
                .attachedPolicies().stream().map(p -> p.policyArn()).toList());

        DeleteConflictException conflict = assertThrows(DeleteConflictException.class, () -> iam.deleteRole(b -> b.roleName("attached")));
        assertEquals("Cannot delete entity, must detach all policies first.", conflict.awsErrorDetails().errorMessage());

        NoSuchEntityException unknown = assertThrows(NoSuchEntityException.class,
                () -> iam.attachRolePolicy(b -> b.roleName("attached").policyArn("arn:aws:iam::aws:policy/NoSuchPolicy")));
        assertEquals("Policy arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable.", unknown.awsErrorDetails().errorMessage());
        IamException invalid = assertThrows(IamException.class,
                () -> iam.attachRolePolicy(b -> b.roleName("attached").policyArn("not-an-arn-but-long-enough")));
        assertEquals("InvalidInput", invalid.awsErrorDetails().errorCode());

        iam.detachRolePolicy(b -> b.roleName("attached").policyArn(BASIC));
        iam.detachRolePolicy(b -> b.roleName("attached").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        assertThrows(NoSuchEntityException.class, () -> iam.detachRolePolicy(b -> b.roleName("attached").policyArn(BASIC)));
        assertTrue(iam.listAttachedRolePolicies(b -> b.roleName("attached")).attachedPolicies().isEmpty());
        iam.deleteRole(b -> b.roleName("attached"));
        assertNull(iam.listRoles().roles().stream().filter(r -> r.roleName().equals("attached")).findFirst().orElse(null));
    }
}
