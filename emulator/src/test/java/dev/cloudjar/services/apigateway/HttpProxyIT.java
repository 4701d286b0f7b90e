package dev.cloudjar.services.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** HTTP_PROXY integrations (REST and HTTP APIs) forward to a loopback server and hand its answer back as it is. */
@ExtendWith(CloudJarExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpProxyIT {
    private HttpServer backend;

    @BeforeAll
    void startBackend() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            String echo = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " x-test=" + exchange.getRequestHeaders().getFirst("X-Test")
                    + " body=" + new String(in, StandardCharsets.UTF_8);
            byte[] out = echo.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Backend", "yes");
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(207, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        backend.start();
    }

    @AfterAll
    void stopBackend() {
        backend.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + backend.getAddress().getPort();
    }

    @Test
    void restApiGreedyProxyForwardsPathQueryHeadersAndBody(ApiGatewayClient apigw, CloudJar cloudJar) throws Exception {
        String api = apigw.createRestApi(b -> b.name("http-proxy")).id();
        String root = apigw.getResources(b -> b.restApiId(api)).items().get(0).id();
        String proxy = apigw.createResource(b -> b.restApiId(api).parentId(root).pathPart("{proxy+}")).id();
        apigw.putMethod(b -> b.restApiId(api).resourceId(proxy).httpMethod("ANY").authorizationType("NONE"));
        apigw.putIntegration(b -> b.restApiId(api).resourceId(proxy).httpMethod("ANY").type(IntegrationType.HTTP_PROXY)
                .integrationHttpMethod("ANY").uri(base() + "/backend/{proxy}"));
        apigw.createDeployment(b -> b.restApiId(api).stageName("prod"));

        HttpResponse<byte[]> response = Invoke.send(Invoke.pathForm(cloudJar, api, "/prod/a/b?q=1"), "POST",
                "hello".getBytes(StandardCharsets.UTF_8), "X-Test", "t1", "Content-Type", "text/plain");
        assertEquals(207, response.statusCode());
        assertEquals("yes", response.headers().firstValue("X-Backend").orElse(null));
        assertEquals("POST /backend/a/b?q=1 x-test=t1 body=hello", new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void httpApiProxyIntegration(ApiGatewayV2Client v2, CloudJar cloudJar) throws Exception {
        String api = v2.createApi(b -> b.name("http-proxy-2").protocolType(ProtocolType.HTTP).target(base() + "/root")
                .routeKey("GET /things")).apiId();
        assertEquals("GET /things", v2.getRoutes(b -> b.apiId(api)).items().get(0).routeKey(), "quick create with a route key");
        HttpResponse<String> response = Invoke.get(Invoke.pathForm(cloudJar, api, "/things?x=2"), "X-Test", "t2");
        assertEquals(207, response.statusCode());
        assertEquals("GET /root?x=2 x-test=t2 body=", response.body());
        assertEquals(404, Invoke.get(Invoke.pathForm(cloudJar, api, "/other")).statusCode());
    }
}
