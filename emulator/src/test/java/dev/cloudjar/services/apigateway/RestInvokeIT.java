package dev.cloudjar.services.apigateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** A deployed REST API answers plain HTTP in both URL forms; the typed proxy event binds fully in a Java handler. */
@ExtendWith(CloudJarExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestInvokeIT {
    private String api;
    private CloudJar cloudJar;

    @BeforeAll
    void deploy(ApiGatewayClient apigw, LambdaClient lambda, CloudJar cloudJar) {
        this.cloudJar = cloudJar;
        String echo = Invoke.function(lambda, "rest-echo", "dev.cloudjar.services.lambda.fixtures.ApiEvents::rest");
        String binary = Invoke.function(lambda, "rest-binary", "dev.cloudjar.services.lambda.fixtures.ApiEvents::binary");
        String bare = Invoke.function(lambda, "rest-bare", "dev.cloudjar.services.lambda.fixtures.ApiEvents::bare");
        String fail = Invoke.function(lambda, "rest-fail", "dev.cloudjar.services.lambda.fixtures.ApiEvents::fail");
        api = apigw.createRestApi(b -> b.name("invoke").binaryMediaTypes("application/octet-stream")).id();
        String root = apigw.getResources(b -> b.restApiId(api)).items().get(0).id();
        String items = apigw.createResource(b -> b.restApiId(api).parentId(root).pathPart("items")).id();
        String item = apigw.createResource(b -> b.restApiId(api).parentId(items).pathPart("{id}")).id();
        String proxy = apigw.createResource(b -> b.restApiId(api).parentId(root).pathPart("{proxy+}")).id();
        String bin = apigw.createResource(b -> b.restApiId(api).parentId(root).pathPart("binary")).id();
        String bad = apigw.createResource(b -> b.restApiId(api).parentId(root).pathPart("bad")).id();
        String boom = apigw.createResource(b -> b.restApiId(api).parentId(root).pathPart("boom")).id();
        String mock = apigw.createResource(b -> b.restApiId(api).parentId(root).pathPart("mock")).id();
        String gone = apigw.createResource(b -> b.restApiId(api).parentId(root).pathPart("gone")).id();
        proxyMethod(apigw, gone, "GET", "arn:aws:lambda:us-east-1:000000000000:function:never-created");
        String byVariable = apigw.createResource(b -> b.restApiId(api).parentId(root).pathPart("by-variable")).id();
        proxyMethod(apigw, byVariable, "GET", "arn:aws:lambda:us-east-1:000000000000:function:${stageVariables.fn}");
        proxyMethod(apigw, item, "GET", echo);
        proxyMethod(apigw, proxy, "ANY", echo);
        proxyMethod(apigw, bin, "POST", binary);
        proxyMethod(apigw, bad, "GET", bare);
        proxyMethod(apigw, boom, "GET", fail);
        apigw.putMethod(b -> b.restApiId(api).resourceId(mock).httpMethod("GET").authorizationType("NONE"));
        apigw.putIntegration(b -> b.restApiId(api).resourceId(mock).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        apigw.putMethodResponse(b -> b.restApiId(api).resourceId(mock).httpMethod("GET").statusCode("200"));
        apigw.putIntegrationResponse(b -> b.restApiId(api).resourceId(mock).httpMethod("GET").statusCode("200")
                .responseParameters(Map.of("method.response.header.X-Mock", "'yes'"))
                .responseTemplates(Map.of("application/json", "{\"mocked\": true}")));
        apigw.createDeployment(b -> b.restApiId(api).stageName("prod").variables(Map.of("color", "blue", "fn", "rest-echo")));
    }

    private void proxyMethod(ApiGatewayClient apigw, String resource, String verb, String functionArn) {
        apigw.putMethod(b -> b.restApiId(api).resourceId(resource).httpMethod(verb).authorizationType("NONE"));
        apigw.putIntegration(b -> b.restApiId(api).resourceId(resource).httpMethod(verb).type(IntegrationType.AWS_PROXY)
                .integrationHttpMethod("POST").uri(Invoke.lambdaUri(functionArn)));
    }

    @Test
    void typedEventBindsInPathForm() throws Exception {
        HttpResponse<String> response = Invoke.get(Invoke.pathForm(cloudJar, api, "/prod/items/42?a=1&a=2&b=x"),
                "X-Test", "hello", "X-Multi", "one", "X-Multi", "two", "User-Agent", "it-agent");
        assertEquals(201, response.statusCode(), response.body());
        assertEquals("yes", response.headers().firstValue("X-Echo").orElse(null));
        assertEquals(List.of("a", "b"), response.headers().allValues("X-Many"));
        assertEquals("text/plain", response.headers().firstValue("Content-Type").orElse(null));
        Map<String, String> e = Invoke.lines(response.body());
        assertEquals("/items/{id}", e.get("resource"));
        assertEquals("/items/42", e.get("path"));
        assertEquals("GET", e.get("httpMethod"));
        assertEquals("hello", e.get("header.x-test"));
        assertEquals("[one, two]", e.get("multiHeader.x-multi"));
        assertEquals("{a=2, b=x}", e.get("query"));
        assertEquals("{a=[1, 2], b=[x]}", e.get("multiQuery"));
        assertEquals("{id=42}", e.get("pathParameters"));
        assertEquals("{color=blue, fn=rest-echo}", e.get("stageVariables"));
        assertEquals("null", e.get("body"));
        assertEquals("false", e.get("isBase64Encoded"));
        assertEquals("/items/{id}", e.get("ctx.resourcePath"));
        assertEquals("GET", e.get("ctx.httpMethod"));
        assertEquals("/prod/items/42", e.get("ctx.path"));
        assertEquals("000000000000", e.get("ctx.accountId"));
        assertEquals("HTTP/1.1", e.get("ctx.protocol"));
        assertEquals("prod", e.get("ctx.stage"));
        assertEquals(api, e.get("ctx.domainPrefix"));
        assertEquals(api, e.get("ctx.apiId"));
        assertEquals(api + ".execute-api.localhost", e.get("ctx.domainName"));
        assertEquals("127.0.0.1", e.get("ctx.identity.sourceIp"));
        assertEquals("it-agent", e.get("ctx.identity.userAgent"));
        for (String flag : List.of("ctx.requestId", "ctx.extendedRequestId", "ctx.requestTime", "ctx.requestTimeEpoch")) {
            assertEquals("true", e.get(flag), flag);
        }
        assertTrue(e.get("ctx.resourceId").length() == 6);
    }

    @Test
    void hostFormAndGreedyProxy() throws Exception {
        HttpResponse<String> response = Invoke.getByHost(cloudJar, api, "/prod/some/deep/path");
        assertEquals(201, response.statusCode(), response.body());
        Map<String, String> e = Invoke.lines(response.body());
        assertEquals("/{proxy+}", e.get("resource"));
        assertEquals("/some/deep/path", e.get("path"));
        assertEquals("{proxy=some/deep/path}", e.get("pathParameters"));
        assertEquals(api + ".execute-api.localhost", e.get("ctx.domainName"));

        HttpResponse<byte[]> post = Invoke.send(Invoke.pathForm(cloudJar, api, "/prod/anything"), "POST",
                "{\"k\":1}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
        Map<String, String> posted = Invoke.lines(new String(post.body(), StandardCharsets.UTF_8));
        assertEquals("POST", posted.get("httpMethod"));
        assertEquals("{\"k\":1}", posted.get("body"));
    }

    @Test
    void missingRoutesAnswerMissingAuthenticationToken() throws Exception {
        for (String path : List.of("/prod", "/prod/items", "/nostage/items/1", "/prod/items/1/extra")) {
            HttpResponse<String> response = Invoke.get(Invoke.pathForm(cloudJar, api, path));
            if (path.equals("/prod/items/1/extra")) {
                assertEquals(201, response.statusCode(), "the greedy proxy takes what /items/{id} does not");
                continue;
            }
            assertEquals(403, response.statusCode(), path);
            assertEquals("{\"message\":\"Missing Authentication Token\"}", response.body(), path);
            assertEquals("MissingAuthenticationTokenException", response.headers().firstValue("x-amzn-ErrorType").orElse(null));
        }
        assertEquals(404, Invoke.get(Invoke.pathForm(cloudJar, "unknownapi", "/prod/x")).statusCode());
    }

    @Test
    void binaryRoundTrip() throws Exception {
        byte[] body = {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10, 13};
        HttpResponse<byte[]> response = Invoke.send(Invoke.pathForm(cloudJar, api, "/prod/binary"), "POST", body,
                "Content-Type", "application/octet-stream");
        assertEquals(200, response.statusCode());
        assertArrayEquals(new byte[] {13, 10, (byte) 0xfe, (byte) 0xff, 2, 1, 0}, response.body());
        assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElse(null));
    }

    @Test
    void malformedResponsesAndFunctionErrorsAre502() throws Exception {
        for (String path : List.of("/prod/bad", "/prod/boom")) {
            HttpResponse<String> response = Invoke.get(Invoke.pathForm(cloudJar, api, path));
            assertEquals(502, response.statusCode(), path);
            assertEquals("{\"message\": \"Internal server error\"}", response.body(), path);
        }
    }

    @Test
    void aStageVariableNamesTheFunction() throws Exception {
        HttpResponse<String> response = Invoke.get(Invoke.pathForm(cloudJar, api, "/prod/by-variable"));
        assertEquals(201, response.statusCode(), response.body());
        assertEquals("/by-variable", Invoke.lines(response.body()).get("resource"));
    }

    @Test
    void aMissingFunctionIsAConfigurationError500() throws Exception {
        HttpResponse<String> response = Invoke.get(Invoke.pathForm(cloudJar, api, "/prod/gone"));
        assertEquals(500, response.statusCode());
        assertEquals("{\"message\": \"Internal server error\"}", response.body());
    }

    @Test
    void mockIntegrationAnswersItsIntegrationResponse() throws Exception {
        HttpResponse<String> response = Invoke.get(Invoke.pathForm(cloudJar, api, "/prod/mock"));
        assertEquals(200, response.statusCode());
        assertEquals("{\"mocked\": true}", response.body());
        assertEquals("yes", response.headers().firstValue("X-Mock").orElse(null));
    }
}
