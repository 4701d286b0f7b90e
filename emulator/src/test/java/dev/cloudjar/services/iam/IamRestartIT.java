package dev.cloudjar.services.iam;

import static dev.cloudjar.services.iam.IamRolesIT.BASIC;
import static dev.cloudjar.services.iam.IamRolesIT.LOGS;
import static dev.cloudjar.services.iam.IamRolesIT.TRUST;
import static dev.cloudjar.services.iam.IamRolesIT.decoded;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.testing.CloudJarExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

/** Roles, their policies, managed policies and users survive a restart with a data directory. */
class IamRestartIT {
    private static IamClient iam(CloudJar cloudJar) {
        return CloudJarExtension.client(IamClient.builder(), cloudJar).region(Region.AWS_GLOBAL).build();
    }

    @Test
    void stateSurvivesRestart() throws Exception {
        Path dir = Files.createTempDirectory("iam-restart-it");
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(dir);
        Role role;
        String policyArn;
        try (CloudJar first = CloudJar.start(config); IamClient iam = iam(first)) {
            role = iam.createRole(b -> b.roleName("kept").path("/svc/").assumeRolePolicyDocument(TRUST).maxSessionDuration(7200)).role();
            iam.attachRolePolicy(b -> b.roleName("kept").policyArn(BASIC));
            iam.putRolePolicy(b -> b.roleName("kept").policyName("logs").policyDocument(LOGS));
            policyArn = iam.createPolicy(b -> b.policyName("kept-policy").policyDocument(LOGS)).policy().arn();
            iam.createPolicyVersion(b -> b.policyArn(policyArn).policyDocument(LOGS).setAsDefault(true));
            iam.createUser(b -> b.userName("kept-user"));
        }
        try (CloudJar second = CloudJar.start(config); IamClient iam = iam(second)) {
            Role read = iam.getRole(b -> b.roleName("kept")).role();
            assertEquals(role.roleId(), read.roleId());
            assertEquals(role.arn(), read.arn());
            assertEquals(7200, read.maxSessionDuration());
            assertEquals(TRUST, decoded(read.assumeRolePolicyDocument()));
            assertEquals(List.of(BASIC), iam.listAttachedRolePolicies(b -> b.roleName("kept")).attachedPolicies().stream()
                    .map(p -> p.policyArn()).toList());
            assertEquals(LOGS, decoded(iam.getRolePolicy(b -> b.roleName("kept").policyName("logs")).policyDocument()));
            assertEquals("v2", iam.getPolicy(b -> b.policyArn(policyArn)).policy().defaultVersionId());
            assertEquals("kept-user", iam.getUser(b -> b.userName("kept-user")).user().userName());
            assertEquals("v3", iam.createPolicyVersion(b -> b.policyArn(policyArn).policyDocument(LOGS)).policyVersion().versionId());
        }
    }
}
