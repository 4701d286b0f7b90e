package dev.cloudjar.services.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.services.lambda.code.CodeUnpacker;
import dev.cloudjar.testing.CloudJarExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** With --data-dir, APIs, their stages and tags survive a restart and keep answering on their invoke URLs. */
class ApiGatewayPersistenceIT {
    @Test
    void apisSurviveARestart() throws Exception {
        Path dir = Files.createTempDirectory("apigw-persist");
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(dir);
        String restId;
        String httpId;
        try (CloudJar first = CloudJar.start(config);
             ApiGatewayClient apigw = CloudJarExtension.client(ApiGatewayClient.builder(), first).build();
             ApiGatewayV2Client v2 = CloudJarExtension.client(ApiGatewayV2Client.builder(), first).build();
             LambdaClient lambda = CloudJarExtension.client(LambdaClient.builder(), first).build()) {
            String fn = Invoke.function(lambda, "persisted", "dev.cloudjar.services.lambda.fixtures.ApiEvents::bare");
            restId = apigw.createRestApi(b -> b.name("durable").tags(Map.of("k", "v"))).id();
            String root = apigw.getResources(b -> b.restApiId(restId)).items().get(0).id();
            apigw.putMethod(b -> b.restApiId(restId).resourceId(root).httpMethod("GET").authorizationType("NONE"));
            apigw.putIntegration(b -> b.restApiId(restId).resourceId(root).httpMethod("GET").type(IntegrationType.MOCK)
                    .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
            apigw.putMethodResponse(b -> b.restApiId(restId).resourceId(root).httpMethod("GET").statusCode("200"));
            apigw.putIntegrationResponse(b -> b.restApiId(restId).resourceId(root).httpMethod("GET").statusCode("200")
                    .responseTemplates(Map.of("application/json", "{\"kept\": 1}")));
            apigw.createDeployment(b -> b.restApiId(restId).stageName("prod"));
            httpId = v2.createApi(b -> b.name("durable2").protocolType(ProtocolType.HTTP).target(fn)).apiId();
        }
        try (CloudJar second = CloudJar.start(config);
             ApiGatewayClient apigw = CloudJarExtension.client(ApiGatewayClient.builder(), second).build()) {
            assertEquals(Map.of("k", "v"), apigw.getRestApi(b -> b.restApiId(restId)).tags());
            assertEquals("{\"kept\": 1}", Invoke.get(Invoke.pathForm(second, restId, "/prod/")).body());
            assertEquals("{\"message\":\"bare\",\"n\":3}", Invoke.get(Invoke.pathForm(second, httpId, "/x")).body());
        } finally {
            CodeUnpacker.delete(dir);
        }
    }
}
