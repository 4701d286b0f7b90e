package dev.cloudjar.services.apigateway;

import dev.cloudjar.CloudJar;
import dev.cloudjar.services.lambda.TestPackages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Test helpers: fixture functions, and plain java.net.http calls to invoke URLs in both forms. */
final class Invoke {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String ROLE = "arn:aws:iam::000000000000:role/lambda-role";

    private Invoke() {
    }

    /** Creates a function from the Lambda fixtures; returns its ARN. */
    static String function(LambdaClient lambda, String name, String handler) {
        return lambda.createFunction(b -> b.functionName(name).runtime("java21").role(ROLE).handler(handler)
                .timeout(30).code(c -> c.zipFile(SdkBytes.fromByteArray(TestPackages.fixtures())))).functionArn();
    }

    static String lambdaUri(String functionArn) {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
    }

    /** {@code http://127.0.0.1:<port>/_aws/execute-api/<api>/<pathAndQuery>}. */
    static URI pathForm(CloudJar cloudJar, String apiId, String pathAndQuery) {
        return URI.create(cloudJar.endpoint() + "/_aws/execute-api/" + apiId + pathAndQuery);
    }

    static HttpResponse<String> get(URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The host form {@code http://<api>.execute-api.localhost:<port>/<path>}: the JDK does not resolve
     * *.localhost, so the request goes to 127.0.0.1 with that Host (curl and browsers resolve it themselves).
     */
    static HttpResponse<String> getByHost(CloudJar cloudJar, String apiId, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cloudJar.endpoint() + pathAndQuery))
                .header("Host", apiId + ".execute-api.localhost:" + cloudJar.port()).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code name=value} lines the ApiEvents fixtures answer with. */
    static java.util.Map<String, String> lines(String body) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String line : body.split("\n")) {
            int eq = line.indexOf('=');
            out.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return out;
    }

    static HttpResponse<byte[]> send(URI uri, String method, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
