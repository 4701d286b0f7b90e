package dev.cloudjar.services.iam;

import static dev.cloudjar.services.iam.IamRolesIT.LOGS;
import static dev.cloudjar.services.iam.IamRolesIT.TRUST;
import static dev.cloudjar.services.iam.IamRolesIT.decoded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;

/** Users, access keys, user policies and instance profiles through the SDK v2 IamClient. */
@ExtendWith(CloudJarExtension.class)
class IamUsersIT {
    @Test
    void usersAndTheirAccessKeys(IamClient iam, CloudJar cloudJar) {
        User user = iam.createUser(b -> b.userName("deployer").path("/ci/")).user();
        assertEquals("arn:aws:iam::000000000000:user/ci/deployer", user.arn());
        assertTrue(user.userId().matches("AIDA[A-Z2-7]{17}"), user.userId());
        assertEquals(user.userId(), iam.getUser(b -> b.userName("deployer")).user().userId());
        assertEquals(List.of("deployer"), iam.listUsers(b -> b.pathPrefix("/ci/")).users().stream().map(User::userName).toList());
        EntityAlreadyExistsException exists = assertThrows(EntityAlreadyExistsException.class, () -> iam.createUser(b -> b.userName("deployer")));
        assertEquals("User with name deployer already exists.", exists.awsErrorDetails().errorMessage());
        NoSuchEntityException missing = assertThrows(NoSuchEntityException.class, () -> iam.getUser(b -> b.userName("nobody")));
        assertEquals("The user with name nobody cannot be found.", missing.awsErrorDetails().errorMessage());

        AccessKey key = iam.createAccessKey(b -> b.userName("deployer")).accessKey();
        assertTrue(key.accessKeyId().matches("AKIA[A-Z2-7]{16}"), key.accessKeyId());
        assertEquals(40, key.secretAccessKey().length());
        assertEquals("Active", key.statusAsString());
        iam.createAccessKey(b -> b.userName("deployer"));
        LimitExceededException limit = assertThrows(LimitExceededException.class, () -> iam.createAccessKey(b -> b.userName("deployer")));
        assertEquals("Cannot exceed quota for AccessKeysPerUser: 2", limit.awsErrorDetails().errorMessage());
        List<AccessKeyMetadata> keys = iam.listAccessKeys(b -> b.userName("deployer")).accessKeyMetadata();
        assertEquals(2, keys.size());
        assertTrue(keys.stream().anyMatch(k -> k.accessKeyId().equals(key.accessKeyId())));

        try (IamClient asDeployer = IamClient.builder().endpointOverride(java.net.URI.create(cloudJar.endpoint())).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                .build()) {
            assertEquals("deployer", asDeployer.getUser().user().userName(), "GetUser without a name is the caller");
        }
        try (StsClient sts = StsClient.builder().endpointOverride(java.net.URI.create(cloudJar.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                .build()) {
            var identity = sts.getCallerIdentity();
            assertEquals(user.arn(), identity.arn());
            assertEquals(user.userId(), identity.userId());
        }
        User root = iam.getUser().user();
        assertEquals("arn:aws:iam::000000000000:root", root.arn());
        assertNull(root.userName());

        DeleteConflictException conflict = assertThrows(DeleteConflictException.class, () -> iam.deleteUser(b -> b.userName("deployer")));
        assertEquals("Cannot delete entity, must delete access keys first.", conflict.awsErrorDetails().errorMessage());
        for (AccessKeyMetadata k : keys) {
            iam.deleteAccessKey(b -> b.userName("deployer").accessKeyId(k.accessKeyId()));
        }
        NoSuchEntityException goneKey = assertThrows(NoSuchEntityException.class,
                () -> iam.deleteAccessKey(b -> b.userName("deployer").accessKeyId(key.accessKeyId())));
        assertEquals("The Access Key with id " + key.accessKeyId() + " cannot be found.", goneKey.awsErrorDetails().errorMessage());
        iam.deleteUser(b -> b.userName("deployer"));
        assertThrows(NoSuchEntityException.class, () -> iam.getUser(b -> b.userName("deployer")));
    }

    @Test
    void userTagsKeyStatusAndLastUse(IamClient iam) {
        iam.createUser(b -> b.userName("tagged-user").tags(Tag.builder().key("team").value("a").build()));
        iam.tagUser(b -> b.userName("tagged-user").tags(Tag.builder().key("env").value("dev").build()));
        iam.untagUser(b -> b.userName("tagged-user").tagKeys("team"));
        assertEquals(List.of(Tag.builder().key("env").value("dev").build()), iam.listUserTags(b -> b.userName("tagged-user")).tags());
        assertEquals(List.of(Tag.builder().key("env").value("dev").build()), iam.getUser(b -> b.userName("tagged-user")).user().tags());

        String keyId = iam.createAccessKey(b -> b.userName("tagged-user")).accessKey().accessKeyId();
        iam.updateAccessKey(b -> b.userName("tagged-user").accessKeyId(keyId).status(StatusType.INACTIVE));
        assertEquals(StatusType.INACTIVE, iam.listAccessKeys(b -> b.userName("tagged-user")).accessKeyMetadata().get(0).status());
        IamException badStatus = assertThrows(IamException.class,
                () -> iam.updateAccessKey(b -> b.userName("tagged-user").accessKeyId(keyId).status("Sleeping")));
        assertEquals("ValidationError", badStatus.awsErrorDetails().errorCode());
        var lastUsed = iam.getAccessKeyLastUsed(b -> b.accessKeyId(keyId));
        assertEquals("tagged-user", lastUsed.userName());
        assertEquals("N/A", lastUsed.accessKeyLastUsed().serviceName());
        assertThrows(NoSuchEntityException.class, () -> iam.getAccessKeyLastUsed(b -> b.accessKeyId("AKIANOSUCHKEY0000000")));
        assertTrue(iam.listAccountAliases().accountAliases().isEmpty());
        iam.deleteAccessKey(b -> b.userName("tagged-user").accessKeyId(keyId));
        iam.deleteUser(b -> b.userName("tagged-user"));
    }

    @Test
    void userPolicies(IamClient iam) {
        iam.createUser(b -> b.userName("with-policies"));
        iam.attachUserPolicy(b -> b.userName("with-policies").policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
        assertEquals(List.of("AdministratorAccess"), iam.listAttachedUserPolicies(b -> b.userName("with-policies")).attachedPolicies()
                .stream().map(p -> p.policyName()).toList());
        iam.putUserPolicy(b -> b.userName("with-policies").policyName("logs").policyDocument(LOGS));
        assertEquals(LOGS, decoded(iam.getUserPolicy(b -> b.userName("with-policies").policyName("logs")).policyDocument()));
        assertEquals(List.of("logs"), iam.listUserPolicies(b -> b.userName("with-policies")).policyNames());

        DeleteConflictException attached = assertThrows(DeleteConflictException.class, () -> iam.deleteUser(b -> b.userName("with-policies")));
        assertEquals("Cannot delete entity, must detach all policies first.", attached.awsErrorDetails().errorMessage());
        iam.detachUserPolicy(b -> b.userName("with-policies").policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
        DeleteConflictException inline = assertThrows(DeleteConflictException.class, () -> iam.deleteUser(b -> b.userName("with-policies")));
        assertEquals("Cannot delete entity, must delete policies first.", inline.awsErrorDetails().errorMessage());
        iam.deleteUserPolicy(b -> b.userName("with-policies").policyName("logs"));
        assertThrows(NoSuchEntityException.class, () -> iam.getUserPolicy(b -> b.userName("with-policies").policyName("logs")));
        assertThrows(NoSuchEntityException.class, () -> iam.detachUserPolicy(b -> b.userName("with-policies")
                .policyArn("arn:aws:iam::aws:policy/AdministratorAccess")));
        iam.deleteUser(b -> b.userName("with-policies"));
    }

    @Test
    void instanceProfilesHoldOneRole(IamClient iam) {
        iam.createRole(b -> b.roleName("ec2-role").assumeRolePolicyDocument(TRUST));
        InstanceProfile created = iam.createInstanceProfile(b -> b.instanceProfileName("web").path("/web/")).instanceProfile();
        assertEquals("arn:aws:iam::000000000000:instance-profile/web/web", created.arn());
        assertTrue(created.roles().isEmpty());
        assertThrows(EntityAlreadyExistsException.class, () -> iam.createInstanceProfile(b -> b.instanceProfileName("web")));
        iam.addRoleToInstanceProfile(b -> b.instanceProfileName("web").roleName("ec2-role"));
        InstanceProfile read = iam.getInstanceProfile(b -> b.instanceProfileName("web")).instanceProfile();
        assertEquals(List.of("ec2-role"), read.roles().stream().map(r -> r.roleName()).toList());
        iam.createRole(b -> b.roleName("second").assumeRolePolicyDocument(TRUST));
        assertThrows(LimitExceededException.class, () -> iam.addRoleToInstanceProfile(b -> b.instanceProfileName("web").roleName("second")));
        assertEquals(List.of("web"), iam.listInstanceProfilesForRole(b -> b.roleName("ec2-role")).instanceProfiles().stream()
                .map(InstanceProfile::instanceProfileName).toList());
        assertEquals(List.of("web"), iam.listInstanceProfiles(b -> b.pathPrefix("/web/")).instanceProfiles().stream()
                .map(InstanceProfile::instanceProfileName).toList());

        DeleteConflictException roleInUse = assertThrows(DeleteConflictException.class, () -> iam.deleteRole(b -> b.roleName("ec2-role")));
        assertEquals("Cannot delete entity, must remove roles from instance profile first.", roleInUse.awsErrorDetails().errorMessage());
        assertThrows(DeleteConflictException.class, () -> iam.deleteInstanceProfile(b -> b.instanceProfileName("web")));
        iam.removeRoleFromInstanceProfile(b -> b.instanceProfileName("web").roleName("ec2-role"));
        iam.deleteInstanceProfile(b -> b.instanceProfileName("web"));
        NoSuchEntityException gone = assertThrows(NoSuchEntityException.class, () -> iam.getInstanceProfile(b -> b.instanceProfileName("web")));
        assertEquals("Instance Profile web cannot be found.", gone.awsErrorDetails().errorMessage());
        iam.deleteRole(b -> b.roleName("ec2-role"));
        iam.deleteRole(b -> b.roleName("second"));
    }
}
