package dev.cloudjar.services.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Endpoint;
import software.amazon.awssdk.services.sns.model.EndpointDisabledException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/** Mobile push through SDK v2 and boto3: platform applications, endpoints and their idempotency, publish to the outbox. */
@ExtendWith(CloudJarExtension.class)
class SnsMobilePushIT {

    @Test
    void applicationsEndpointsAndPublish(SnsClient sns, CloudJar cloudJar) {
        String app = sns.createPlatformApplication(b -> b.name("phones").platform("GCM")
                .attributes(Map.of("PlatformCredential", "server-key"))).platformApplicationArn();
        assertEquals("arn:aws:sns:us-east-1:000000000000:app/GCM/phones", app);
        assertEquals("server-key", sns.getPlatformApplicationAttributes(b -> b.platformApplicationArn(app)).attributes().get("PlatformCredential"));
        assertTrue(sns.listPlatformApplications().platformApplications().stream().anyMatch(a -> a.platformApplicationArn().equals(app)));

        String endpoint = sns.createPlatformEndpoint(b -> b.platformApplicationArn(app).token("device-1").customUserData("user 7"))
                .endpointArn();
        assertTrue(endpoint.startsWith("arn:aws:sns:us-east-1:000000000000:endpoint/GCM/phones/"), endpoint);
        assertEquals(endpoint, sns.createPlatformEndpoint(b -> b.platformApplicationArn(app).token("device-1").customUserData("user 7")).endpointArn());
        assertEquals(endpoint, sns.createPlatformEndpoint(b -> b.platformApplicationArn(app).token("device-1")).endpointArn());
        InvalidParameterException different = assertThrows(InvalidParameterException.class, () -> sns.createPlatformEndpoint(b -> b
                .platformApplicationArn(app).token("device-1").customUserData("someone else")));
        assertEquals("Invalid parameter: Token Reason: Endpoint " + endpoint + " already exists with the same Token, but different attributes.",
                different.awsErrorDetails().errorMessage());
        String other = sns.createPlatformEndpoint(b -> b.platformApplicationArn(app).token("device-2")).endpointArn();
        assertNotEquals(endpoint, other);

        Map<String, String> attributes = sns.getEndpointAttributes(b -> b.endpointArn(endpoint)).attributes();
        assertEquals(Map.of("Enabled", "true", "CustomUserData", "user 7", "Token", "device-1"), attributes);
        List<Endpoint> listed = sns.listEndpointsByPlatformApplication(b -> b.platformApplicationArn(app)).endpoints();
        assertEquals(2, listed.size());

        sns.publish(b -> b.targetArn(endpoint).messageStructure("json")
                .message("{\"default\":\"plain\",\"GCM\":\"{\\\"notification\\\":{\\\"title\\\":\\\"hi\\\"}}\"}"));
        assertTrue(cloudJar.backend(SnsBackend.class).outbox().stream().anyMatch(m -> m.recipient().equals(endpoint)
                && m.body().equals("{\"notification\":{\"title\":\"hi\"}}")), cloudJar.backend(SnsBackend.class).outbox().toString());

        sns.setEndpointAttributes(b -> b.endpointArn(endpoint).attributes(Map.of("Enabled", "false")));
        EndpointDisabledException disabled = assertThrows(EndpointDisabledException.class,
                () -> sns.publish(b -> b.targetArn(endpoint).message("m")));
        assertEquals("Endpoint is disabled", disabled.awsErrorDetails().errorMessage());

        sns.deleteEndpoint(b -> b.endpointArn(other));
        sns.deleteEndpoint(b -> b.endpointArn(other));
        assertEquals(1, sns.listEndpointsByPlatformApplication(b -> b.platformApplicationArn(app)).endpoints().size());
        sns.deletePlatformApplication(b -> b.platformApplicationArn(app));
        assertThrows(NotFoundException.class, () -> sns.getEndpointAttributes(b -> b.endpointArn(endpoint)));
        assertThrows(NotFoundException.class, () -> sns.getPlatformApplicationAttributes(b -> b.platformApplicationArn(app)));
        InvalidParameterException gone = assertThrows(InvalidParameterException.class, () -> sns.publish(b -> b.targetArn(endpoint).message("m")));
        assertEquals("Invalid parameter: TargetArn Reason: No endpoint found for the target arn specified", gone.awsErrorDetails().errorMessage());
    }

    @Test
    void boto3RegistersADeviceAndPushes(CloudJar cloudJar) throws Exception {
        String script = String.join("\n",
                "import os, boto3",
                "sns = boto3.client('sns', endpoint_url=os.environ['ENDPOINT'])",
                "app = sns.create_platform_application(Name='ios', Platform='APNS_SANDBOX', Attributes={})['PlatformApplicationArn']",
                "ep = sns.create_platform_endpoint(PlatformApplicationArn=app, Token='t-1')['EndpointArn']",
                "assert sns.create_platform_endpoint(PlatformApplicationArn=app, Token='t-1')['EndpointArn'] == ep",
                "eps = sns.list_endpoints_by_platform_application(PlatformApplicationArn=app)['Endpoints']",
                "assert [e['EndpointArn'] for e in eps] == [ep], eps",
                "assert eps[0]['Attributes']['Token'] == 't-1', eps",
                "sns.publish(TargetArn=ep, Message='hello device')",
                "sns.delete_platform_application(PlatformApplicationArn=app)",
                "print('ok')");
        assertEquals("ok", new CliRunner(cloudJar.endpoint()).python(script).assertSuccess().stdout().trim());
        assertTrue(cloudJar.backend(SnsBackend.class).outbox().stream().anyMatch(m -> m.body().equals("hello device")));
    }

    @Test
    void topicApplicationSubscriptionsGetThePlatformPayload(SnsClient sns, CloudJar cloudJar) {
        String app = sns.createPlatformApplication(b -> b.name("apple").platform("APNS").attributes(Map.of())).platformApplicationArn();
        String endpoint = sns.createPlatformEndpoint(b -> b.platformApplicationArn(app).token("apns-token")).endpointArn();
        String topic = sns.createTopic(b -> b.name("pushes")).topicArn();
        sns.subscribe(b -> b.topicArn(topic).protocol("application").endpoint(endpoint));
        sns.publish(b -> b.topicArn(topic).messageStructure("json")
                .message("{\"default\":\"fallback\",\"APNS\":\"{\\\"aps\\\":{\\\"alert\\\":\\\"ding\\\"}}\"}"));
        assertTrue(cloudJar.backend(SnsBackend.class).outbox().stream().anyMatch(m -> m.recipient().equals(endpoint)
                && m.body().equals("{\"aps\":{\"alert\":\"ding\"}}")), cloudJar.backend(SnsBackend.class).outbox().toString());
    }
}
