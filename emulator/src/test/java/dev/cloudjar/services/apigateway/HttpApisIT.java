package dev.cloudjar.services.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.CreateApiResponse;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** HTTP APIs (v2): control plane through the SDK and the invoke path with payload formats 1.0 and 2.0. */
@ExtendWith(CloudJarExtension.class)
class HttpApisIT {
    @Test
    void quickCreateDeploysDefaultRouteAndStage(ApiGatewayV2Client v2, LambdaClient lambda, CloudJar cloudJar) throws Exception {
        String fn = Invoke.function(lambda, "quick-echo", "dev.cloudjar.services.lambda.fixtures.ApiEvents::http");
        CreateApiResponse api = v2.createApi(b -> b.name("quick").protocolType(ProtocolType.HTTP).target(fn));
        assertEquals("http://" + api.apiId() + ".execute-api.localhost:" + cloudJar.port(), api.apiEndpoint());
        assertEquals("$request.method $request.path", api.routeSelectionExpression());
        var routes = v2.getRoutes(b -> b.apiId(api.apiId())).items();
        assertEquals(1, routes.size());
        assertEquals("$default", routes.get(0).routeKey());
        assertTrue(routes.get(0).apiGatewayManaged());
        var integration = v2.getIntegrations(b -> b.apiId(api.apiId())).items().get(0);
        assertEquals(IntegrationType.AWS_PROXY, integration.integrationType());
        assertEquals("2.0", integration.payloadFormatVersion());
        assertEquals("integrations/" + integration.integrationId(), routes.get(0).target());
        var stage = v2.getStage(b -> b.apiId(api.apiId()).stageName("$default"));
        assertTrue(stage.autoDeploy());
        assertNotNull(stage.deploymentId());

        HttpResponse<String> response = Invoke.get(Invoke.pathForm(cloudJar, api.apiId(), "/any/path?x=1&x=2"),
                "X-Test", "t", "Cookie", "c1=v1; c2=v2", "User-Agent", "it-agent");
        assertEquals(202, response.statusCode(), response.body());
        assertEquals(List.of("a=1", "b=2"), response.headers().allValues("Set-Cookie"));
        Map<String, String> e = Invoke.lines(response.body());
        assertEquals("2.0", e.get("version"));
        assertEquals("$default", e.get("routeKey"));
        assertEquals("/any/path", e.get("rawPath"));
        assertEquals("x=1&x=2", e.get("rawQueryString"));
        assertEquals("[c1=v1, c2=v2]", e.get("cookies"));
        assertEquals("t", e.get("header.x-test"));
        assertEquals("{x=1,2}", e.get("query"));
        assertEquals("null", e.get("pathParameters"));
        assertEquals("null", e.get("body"));
        assertEquals("false", e.get("isBase64Encoded"));
        assertEquals("000000000000", e.get("ctx.accountId"));
        assertEquals(api.apiId(), e.get("ctx.apiId"));
        assertEquals(api.apiId() + ".execute-api.localhost", e.get("ctx.domainName"));
        assertEquals(api.apiId(), e.get("ctx.domainPrefix"));
        assertEquals("GET", e.get("ctx.http.method"));
        assertEquals("/any/path", e.get("ctx.http.path"));
        assertEquals("HTTP/1.1", e.get("ctx.http.protocol"));
        assertEquals("127.0.0.1", e.get("ctx.http.sourceIp"));
        assertEquals("it-agent", e.get("ctx.http.userAgent"));
        assertEquals("$default", e.get("ctx.routeKey"));
        assertEquals("$default", e.get("ctx.stage"));
        for (String flag : List.of("ctx.requestId", "ctx.time", "ctx.timeEpoch")) {
            assertEquals("true", e.get(flag), flag);
        }
        assertEquals(202, Invoke.getByHost(cloudJar, api.apiId(), "/").statusCode(), "host form, no stage prefix for $default");
    }

    @Test
    void routesIntegrationsStagesAndPayloadFormats(ApiGatewayV2Client v2, LambdaClient lambda, CloudJar cloudJar) throws Exception {
        String echo2 = Invoke.function(lambda, "v2-echo", "dev.cloudjar.services.lambda.fixtures.ApiEvents::http");
        String echo1 = Invoke.function(lambda, "v1-echo", "dev.cloudjar.services.lambda.fixtures.ApiEvents::rest");
        String bare = Invoke.function(lambda, "v2-bare", "dev.cloudjar.services.lambda.fixtures.ApiEvents::bare");
        String text = Invoke.function(lambda, "v2-text", "dev.cloudjar.services.lambda.fixtures.ApiEvents::text");
        String fail = Invoke.function(lambda, "v2-fail", "dev.cloudjar.services.lambda.fixtures.ApiEvents::fail");
        String apiId = v2.createApi(b -> b.name("items").protocolType(ProtocolType.HTTP)).apiId();
        String i2 = integration(v2, apiId, echo2, "2.0");
        String i1 = integration(v2, apiId, echo1, "1.0");
        String iBare = integration(v2, apiId, bare, "2.0");
        String iText = integration(v2, apiId, text, "2.0");
        String iFail = integration(v2, apiId, fail, "2.0");
        var item = v2.createRoute(b -> b.apiId(apiId).routeKey("GET /items/{id}").target("integrations/" + i2));
        assertEquals("GET /items/{id}", item.routeKey());
        v2.createRoute(b -> b.apiId(apiId).routeKey("ANY /{proxy+}").target("integrations/" + i1));
        v2.createRoute(b -> b.apiId(apiId).routeKey("GET /bare").target("integrations/" + iBare));
        v2.createRoute(b -> b.apiId(apiId).routeKey("GET /text").target("integrations/" + iText));
        v2.createRoute(b -> b.apiId(apiId).routeKey("GET /fail").target("integrations/" + iFail));
        ConflictException dup = assertThrows(ConflictException.class,
                () -> v2.createRoute(b -> b.apiId(apiId).routeKey("GET /items/{id}").target("integrations/" + i2)));
        assertEquals(409, dup.statusCode());
        assertThrows(BadRequestException.class, () -> v2.createRoute(b -> b.apiId(apiId).routeKey("FETCH /x")));
        assertThrows(BadRequestException.class, () -> v2.createRoute(b -> b.apiId(apiId).routeKey("GET /y").target("integrations/nope")));
        assertThrows(BadRequestException.class, () -> v2.createIntegration(b -> b.apiId(apiId).integrationType(IntegrationType.AWS_PROXY)
                .integrationUri(echo2)), "payload format version is required");
        assertEquals(item.routeKey(), v2.getRoute(b -> b.apiId(apiId).routeId(item.routeId())).routeKey());
        assertEquals(5, v2.getRoutes(b -> b.apiId(apiId)).items().size());

        v2.createStage(b -> b.apiId(apiId).stageName("dev").stageVariables(Map.of("color", "green")));
        assertEquals(404, Invoke.get(Invoke.pathForm(cloudJar, apiId, "/dev/items/7")).statusCode(), "not deployed yet");
        var deployment = v2.createDeployment(b -> b.apiId(apiId).stageName("dev").description("d1"));
        assertEquals("DEPLOYED", deployment.deploymentStatusAsString());
        assertEquals(deployment.deploymentId(), v2.getStage(b -> b.apiId(apiId).stageName("dev")).deploymentId());
        assertThrows(ConflictException.class, () -> v2.createStage(b -> b.apiId(apiId).stageName("dev")));

        Map<String, String> e2 = Invoke.lines(Invoke.get(Invoke.pathForm(cloudJar, apiId, "/dev/items/7")).body());
        assertEquals("GET /items/{id}", e2.get("routeKey"));
        assertEquals("/dev/items/7", e2.get("rawPath"));
        assertEquals("{id=7}", e2.get("pathParameters"));
        assertEquals("{color=green}", e2.get("stageVariables"));
        assertEquals("dev", e2.get("ctx.stage"));

        HttpResponse<byte[]> post = Invoke.send(Invoke.pathForm(cloudJar, apiId, "/dev/items/7"), "POST",
                "hi".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");
        assertEquals(201, post.statusCode(), "POST is not GET /items/{id}: ANY /{proxy+} with payload 1.0 answers");
        Map<String, String> e1 = Invoke.lines(new String(post.body(), StandardCharsets.UTF_8));
        assertEquals("/{proxy+}", e1.get("resource"));
        assertEquals("POST", e1.get("httpMethod"));
        assertEquals("/dev/items/7", e1.get("path"));
        assertEquals("{proxy=items/7}", e1.get("pathParameters"));
        assertEquals("hi", e1.get("body"));

        HttpResponse<String> bareAnswer = Invoke.get(Invoke.pathForm(cloudJar, apiId, "/dev/bare"));
        assertEquals(200, bareAnswer.statusCode());
        assertEquals("{\"message\":\"bare\",\"n\":3}", bareAnswer.body());
        assertEquals("application/json", bareAnswer.headers().firstValue("Content-Type").orElse(null));
        assertEquals("plain words", Invoke.get(Invoke.pathForm(cloudJar, apiId, "/dev/text")).body());
        HttpResponse<String> failed = Invoke.get(Invoke.pathForm(cloudJar, apiId, "/dev/fail"));
        assertEquals(500, failed.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", failed.body());
        HttpResponse<String> missing = Invoke.get(Invoke.pathForm(cloudJar, apiId, "/dev"));
        assertEquals(404, missing.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", missing.body());

        var patched = v2.updateIntegration(b -> b.apiId(apiId).integrationId(iText).timeoutInMillis(5000));
        assertEquals(5000, patched.timeoutInMillis());
        assertEquals("2.0", patched.payloadFormatVersion(), "members not given stay as they were");
        assertThrows(BadRequestException.class, () -> v2.updateIntegration(b -> b.apiId(apiId).integrationId(iText).payloadFormatVersion("3.0")));
        assertThrows(BadRequestException.class, () -> v2.deleteDeployment(b -> b.apiId(apiId).deploymentId(deployment.deploymentId())),
                "the dev stage serves it");

        v2.deleteRoute(b -> b.apiId(apiId).routeId(item.routeId()));
        assertThrows(NotFoundException.class, () -> v2.getRoute(b -> b.apiId(apiId).routeId(item.routeId())));
        assertThrows(ConflictException.class, () -> v2.deleteIntegration(b -> b.apiId(apiId).integrationId(i1)), "a route targets it");
        v2.deleteStage(b -> b.apiId(apiId).stageName("dev"));
        assertThrows(NotFoundException.class, () -> v2.getStage(b -> b.apiId(apiId).stageName("dev")));
    }

    @Test
    void apiLifecycleAndErrors(ApiGatewayV2Client v2) {
        var api = v2.createApi(b -> b.name("life").protocolType(ProtocolType.HTTP).description("d").tags(Map.of("a", "b")));
        assertEquals(Map.of("a", "b"), v2.getApi(b -> b.apiId(api.apiId())).tags());
        assertTrue(v2.getApis().items().stream().anyMatch(a -> a.apiId().equals(api.apiId())));
        var updated = v2.updateApi(b -> b.apiId(api.apiId()).name("renamed"));
        assertEquals("renamed", updated.name());
        assertEquals("d", updated.description());
        assertThrows(BadRequestException.class, () -> v2.createApi(b -> b.name("ws").protocolType(ProtocolType.WEBSOCKET)));
        String arn = "arn:aws:apigateway:us-east-1::/apis/" + api.apiId();
        v2.tagResource(b -> b.resourceArn(arn).tags(Map.of("c", "d")));
        assertEquals(Map.of("a", "b", "c", "d"), v2.getTags(b -> b.resourceArn(arn)).tags());
        v2.untagResource(b -> b.resourceArn(arn).tagKeys("a"));
        assertEquals(Map.of("c", "d"), v2.getTags(b -> b.resourceArn(arn)).tags());
        v2.deleteApi(b -> b.apiId(api.apiId()));
        NotFoundException gone = assertThrows(NotFoundException.class, () -> v2.getApi(b -> b.apiId(api.apiId())));
        assertEquals(404, gone.statusCode());
        assertEquals("Invalid API identifier specified " + api.apiId(), gone.awsErrorDetails().errorMessage());
        assertFalse(v2.getApis().items().stream().anyMatch(a -> a.apiId().equals(api.apiId())));
    }

    private static String integration(ApiGatewayV2Client v2, String apiId, String functionArn, String format) {
        return v2.createIntegration(b -> b.apiId(apiId).integrationType(IntegrationType.AWS_PROXY).integrationUri(functionArn)
                .payloadFormatVersion(format)).integrationId();
    }
}
