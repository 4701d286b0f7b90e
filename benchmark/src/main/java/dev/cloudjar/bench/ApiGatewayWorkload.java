package dev.cloudjar.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * API Gateway: a GET through an HTTP API (quick create, payload 2.0) to the warm HelloWorld function
 * with a plain java.net.http client, against a warm direct Invoke of the same function in the same
 * run; the figure is the gateway's throughput as a share of direct Invoke's at each thread count.
 */
public final class ApiGatewayWorkload implements Workload {
    private static final SdkBytes PAYLOAD = SdkBytes.fromUtf8String("{\"name\":\"bench\"}");

    @Override
    public String group() {
        return "apigateway";
    }

    @Override
    public String title() {
        return "API Gateway -> Lambda";
    }

    @Override
    public void run(Target target) throws Exception {
        SdkBytes zip;
        try {
            zip = LambdaFunctions.code(target.options().functionsJar());
        } catch (Exception e) {
            target.report().notAvailable("API Gateway", LoadRunner.describe(e));
            return;
        }
        LambdaClient lambda = target.clients().lambda();
        String name = "bench-api-" + Long.toHexString(System.nanoTime());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (ApiGatewayV2Client v2 = target.clients().apiGatewayV2()) {
            LambdaFunctions.create(lambda, target.clients().account(), name, LambdaWorkload.HELLO_HANDLER, zip, 10);
            String arn = lambda.getFunction(b -> b.functionName(name)).configuration().functionArn();
            String apiId = v2.createApi(b -> b.name(name).protocolType("HTTP").target(arn)).apiId();
            URI uri = URI.create(target.clients().endpoint() + "/_aws/execute-api/" + apiId + "/hello");
            HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
            invoke(lambda, name);
            get(http, request);
            for (int threads : target.options().threads()) {
                Measurement direct = target.measure("Invoke HelloWorld (warm, direct)", threads, (thread, seq) -> invoke(lambda, name));
                Measurement gateway = target.measure("GET via HTTP API -> HelloWorld", threads, (thread, seq) -> get(http, request));
                if (!direct.failedEntirely() && !gateway.failedEntirely() && direct.opsPerSecond() > 0) {
                    double share = 100.0 * gateway.opsPerSecond() / direct.opsPerSecond();
                    target.keep("apigateway.share.t" + threads, share);
                    target.report().figure("API Gateway / direct Invoke at " + threads + " threads",
                            String.format("%.0f %% (%.0f vs %.0f ops/s)", share, gateway.opsPerSecond(), direct.opsPerSecond()));
                }
            }
            v2.deleteApi(b -> b.apiId(apiId));
        } catch (RuntimeException e) {
            target.report().notAvailable("API Gateway -> Lambda", LoadRunner.describe(e));
        } finally {
            LambdaFunctions.deleteQuietly(lambda, name);
        }
    }

    private static void invoke(LambdaClient lambda, String name) {
        InvokeResponse response = lambda.invoke(b -> b.functionName(name).payload(PAYLOAD));
        if (response.functionError() != null || !response.payload().asString(StandardCharsets.UTF_8).contains("Hello,")) {
            throw new IllegalStateException("unexpected Invoke result " + response.payload().asString(StandardCharsets.UTF_8));
        }
    }

    private static void get(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().startsWith("Hello,")) {
            throw new IllegalStateException("unexpected answer " + response.statusCode() + ": " + response.body());
        }
    }
}
