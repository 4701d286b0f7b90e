package dev.cloudjar.services.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

@ExtendWith(CloudJarExtension.class)
class StsIT {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    @Test
    void callerIdentityIsTheRootOfTheRequestAccount(StsClient sts) {
        GetCallerIdentityResponse identity = sts.getCallerIdentity();
        assertEquals("000000000000", identity.account());
        assertEquals("arn:aws:iam::000000000000:root", identity.arn());
        assertEquals("000000000000", identity.userId());
    }

    @Test
    void assumeRoleIssuesTemporaryCredentialsForAnyWellFormedRole(StsClient sts, CloudJar cloudJar) {
        AssumeRoleResponse assumed = sts.assumeRole(b -> b.roleArn("arn:aws:iam::123456789012:role/path/deployer")
                .roleSessionName("ci-run").durationSeconds(900));
        Credentials credentials = assumed.credentials();
        assertTrue(credentials.accessKeyId().matches("ASIA[A-Z2-7]{16}"), credentials.accessKeyId());
        assertEquals(40, credentials.secretAccessKey().length());
        assertTrue(credentials.sessionToken().length() > 100);
        long seconds = Duration.between(Instant.now(), credentials.expiration()).toSeconds();
        assertTrue(seconds > 800 && seconds <= 901, seconds + "s");
        assertEquals("arn:aws:sts::123456789012:assumed-role/deployer/ci-run", assumed.assumedRoleUser().arn());
        assertTrue(assumed.assumedRoleUser().assumedRoleId().matches("AROA[A-Z2-7]{17}:ci-run"), assumed.assumedRoleUser().assumedRoleId());

        TemporaryCredentials stored = cloudJar.backend(StsBackend.class).temporaryCredentials(credentials.accessKeyId());
        assertNotNull(stored);
        assertEquals(credentials.sessionToken(), stored.sessionToken());
        assertNull(cloudJar.backend(StsBackend.class).temporaryCredentials("ASIANOTISSUEDBYSTS00"));

        try (StsClient asRole = StsClient.builder().endpointOverride(URI.create(cloudJar.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(credentials.accessKeyId(),
                        credentials.secretAccessKey(), credentials.sessionToken()))).build()) {
            GetCallerIdentityResponse identity = asRole.getCallerIdentity();
            assertEquals("arn:aws:sts::123456789012:assumed-role/deployer/ci-run", identity.arn());
            assertEquals("123456789012", identity.account());
            assertEquals(assumed.assumedRoleUser().assumedRoleId(), identity.userId());
        }
    }

    @Test
    void assumeRoleUsesTheIdAndMaximumOfARoleIamKnows(StsClient sts, IamClient iam) {
        var role = iam.createRole(b -> b.roleName("known").assumeRolePolicyDocument(TRUST)).role();
        AssumeRoleResponse assumed = sts.assumeRole(b -> b.roleArn(role.arn()).roleSessionName("s1"));
        assertEquals(role.roleId() + ":s1", assumed.assumedRoleUser().assumedRoleId());
        long seconds = Duration.between(Instant.now(), assumed.credentials().expiration()).toSeconds();
        assertTrue(seconds > 3500 && seconds <= 3601, "the default is one hour: " + seconds);
        StsException tooLong = assertThrows(StsException.class,
                () -> sts.assumeRole(b -> b.roleArn(role.arn()).roleSessionName("s2").durationSeconds(7200)));
        assertEquals("ValidationError", tooLong.awsErrorDetails().errorCode());
        assertEquals("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", tooLong.awsErrorDetails().errorMessage());
        iam.updateRole(b -> b.roleName("known").maxSessionDuration(7200));
        assertNotNull(sts.assumeRole(b -> b.roleArn(role.arn()).roleSessionName("s2").durationSeconds(7200)).credentials());
    }

    @Test
    void assumeRoleRejectsMalformedInput(StsClient sts) {
        StsException shortSession = assertThrows(StsException.class,
                () -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:role/r").roleSessionName("x")));
        assertEquals("ValidationError", shortSession.awsErrorDetails().errorCode());
        assertEquals(400, shortSession.statusCode());
        assertEquals("1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 2", shortSession.awsErrorDetails().errorMessage());
        StsException badName = assertThrows(StsException.class,
                () -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:role/r").roleSessionName("has space")));
        assertEquals("ValidationError", badName.awsErrorDetails().errorCode());
        StsException notARole = assertThrows(StsException.class,
                () -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:user/someone").roleSessionName("s1")));
        assertEquals("ValidationError", notARole.awsErrorDetails().errorCode());
        StsException duration = assertThrows(StsException.class,
                () -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::000000000000:role/r").roleSessionName("s1").durationSeconds(60)));
        assertEquals("1 validation error detected: Value '60' at 'durationSeconds' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 900", duration.awsErrorDetails().errorMessage());
    }

    @Test
    void getSessionTokenLastsTwelveHoursByDefault(StsClient sts, CloudJar cloudJar) {
        Credentials credentials = sts.getSessionToken().credentials();
        assertTrue(credentials.accessKeyId().startsWith("ASIA"));
        long hours = Duration.between(Instant.now(), credentials.expiration()).toHours();
        assertEquals(11, hours, "just under 12 hours from now");
        assertNotNull(cloudJar.backend(StsBackend.class).temporaryCredentials(credentials.accessKeyId()));
        Credentials shortOne = sts.getSessionToken(b -> b.durationSeconds(900)).credentials();
        assertTrue(Duration.between(Instant.now(), shortOne.expiration()).toSeconds() <= 900);
        StsException tooLong = assertThrows(StsException.class, () -> sts.getSessionToken(b -> b.durationSeconds(129601)));
        assertEquals("ValidationError", tooLong.awsErrorDetails().errorCode());
    }
}
