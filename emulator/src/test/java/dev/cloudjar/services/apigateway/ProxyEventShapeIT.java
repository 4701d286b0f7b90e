package dev.cloudjar.services.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The raw proxy events, member by member: AWS's names, order and explicit nulls (1.0) or absences (2.0). */
@ExtendWith(CloudJarExtension.class)
class ProxyEventShapeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void restEventHasAwsMembersWithNullsForAbsentParts(ApiGatewayClient apigw, LambdaClient lambda, CloudJar cloudJar) throws Exception {
        String fn = Invoke.function(lambda, "raw-rest", "dev.cloudjar.services.lambda.fixtures.ApiEvents::raw");
        String api = apigw.createRestApi(b -> b.name("raw")).id();
        String root = apigw.getResources(b -> b.restApiId(api)).items().get(0).id();
        apigw.putMethod(b -> b.restApiId(api).resourceId(root).httpMethod("ANY").authorizationType("NONE"));
        apigw.putIntegration(b -> b.restApiId(api).resourceId(root).httpMethod("ANY").type(IntegrationType.AWS_PROXY)
                .integrationHttpMethod("POST").uri(Invoke.lambdaUri(fn)));
        apigw.createDeployment(b -> b.restApiId(api).stageName("prod"));

        JsonNode e = JSON.readTree(Invoke.get(Invoke.pathForm(cloudJar, api, "/prod/")).body());
        assertEquals(List.of("resource", "path", "httpMethod", "headers", "multiValueHeaders", "queryStringParameters",
                "multiValueQueryStringParameters", "requestContext", "pathParameters", "stageVariables", "body", "isBase64Encoded"), names(e));
        for (String absent : List.of("queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables", "body")) {
            assertTrue(e.get(absent).isNull(), absent + " is an explicit null");
        }
        assertEquals("/", e.get("resource").asText());
        assertEquals("/", e.get("path").asText());
        assertTrue(e.get("isBase64Encoded").isBoolean());
        JsonNode ctx = e.get("requestContext");
        assertTrue(names(ctx).containsAll(List.of("resourceId", "resourcePath", "httpMethod", "extendedRequestId", "requestTime", "path",
                "accountId", "protocol", "stage", "domainPrefix", "requestTimeEpoch", "requestId", "identity", "domainName", "apiId")), names(ctx).toString());
        assertEquals("/prod/", ctx.get("path").asText());
        assertTrue(ctx.get("requestTimeEpoch").isIntegralNumber());
        JsonNode identity = ctx.get("identity");
        assertEquals("127.0.0.1", identity.get("sourceIp").asText());
        for (String nullMember : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "accessKey", "principalOrgId",
                "cognitoAuthenticationType", "cognitoAuthenticationProvider", "userArn", "user")) {
            assertTrue(identity.has(nullMember) && identity.get(nullMember).isNull(), nullMember);
        }
        assertEquals("http", e.get("headers").get("X-Forwarded-Proto").asText());
        assertTrue(e.get("headers").get("X-Amzn-Trace-Id").asText().matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}"));
        assertEquals("0", e.get("headers").get("Content-Length").asText(), "a GET without a body says so, as on AWS");
        assertTrue(e.get("multiValueHeaders").get("X-Forwarded-For").isArray());
    }

    @Test
    void httpEventVersion2LeavesAbsentPartsOut(ApiGatewayV2Client v2, LambdaClient lambda, CloudJar cloudJar) throws Exception {
        String fn = Invoke.function(lambda, "raw-http", "dev.cloudjar.services.lambda.fixtures.ApiEvents::raw");
        String api = v2.createApi(b -> b.name("raw2").protocolType(ProtocolType.HTTP).target(fn)).apiId();
        JsonNode e = JSON.readTree(Invoke.get(Invoke.pathForm(cloudJar, api, "/p")).body());
        assertEquals(List.of("version", "routeKey", "rawPath", "rawQueryString", "headers", "requestContext", "isBase64Encoded"), names(e));
        assertEquals("", e.get("rawQueryString").asText());
        assertTrue(names(e.get("headers")).stream().allMatch(h -> h.equals(h.toLowerCase())), "header names are lower case");
        assertEquals(List.of("accountId", "apiId", "domainName", "domainPrefix", "http", "requestId", "routeKey", "stage", "time", "timeEpoch"),
                names(e.get("requestContext")));
        assertEquals(List.of("method", "path", "protocol", "sourceIp", "userAgent"), names(e.get("requestContext").get("http")));

        var withAll = Invoke.send(Invoke.pathForm(cloudJar, api, "/p/q?a=1"), "POST", new byte[] {1, 2, 3},
                "Content-Type", "application/octet-stream", "Cookie", "k=v");
        JsonNode full = JSON.readTree(withAll.body());
        assertEquals(List.of("version", "routeKey", "rawPath", "rawQueryString", "cookies", "headers", "queryStringParameters",
                "requestContext", "body", "isBase64Encoded"), names(full));
        assertEquals("AQID", full.get("body").asText(), "a binary body is base64");
        assertTrue(full.get("isBase64Encoded").asBoolean());
        assertEquals(Map.of("a", "1"), JSON.convertValue(full.get("queryStringParameters"), Map.class));
    }
}
