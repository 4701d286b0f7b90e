package dev.cloudjar.services.lambda.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/** The Runtime API's HTTP surface: next with its headers, results by request id, init errors, bad paths. */
class RuntimeApiServerTest {
    private final LinkedBlockingQueue<RuntimeApiServer.Invocation> invocations = new LinkedBlockingQueue<>();
    private final List<String> calls = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private final RuntimeApiServer.Listener listener = new RuntimeApiServer.Listener() {
        @Override
        public RuntimeApiServer.Invocation next() throws InterruptedException {
            return invocations.take();
        }

        @Override
        public synchronized boolean response(String requestId, byte[] body) {
            calls.add("response " + requestId + " " + new String(body));
            return requestId.equals("req-1");
        }

        @Override
        public synchronized boolean error(String requestId, String errorType, byte[] body) {
            calls.add("error " + requestId + " " + errorType + " " + new String(body));
            return requestId.equals("req-1");
        }

        @Override
        public synchronized void initError(String errorType, byte[] body) {
            calls.add("init " + errorType + " " + new String(body));
        }
    };

    @Test
    void servesTheDocumentedPaths() throws Exception {
        try (RuntimeApiServer server = new RuntimeApiServer(listener)) {
            String base = "http://" + server.address() + "/2018-06-01/runtime/";
            invocations.add(new RuntimeApiServer.Invocation("req-1", "{\"a\":1}".getBytes(), 1542409706888L,
                    "arn:aws:lambda:us-east-1:000000000000:function:f", "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=0",
                    "{\"custom\":{}}", null));
            HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(base + "invocation/next")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, next.statusCode());
            assertEquals("{\"a\":1}", next.body());
            assertEquals("req-1", next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow());
            assertEquals("1542409706888", next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
            assertEquals("arn:aws:lambda:us-east-1:000000000000:function:f",
                    next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow());
            assertTrue(next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow().startsWith("Root=1-"));
            assertEquals("{\"custom\":{}}", next.headers().firstValue("Lambda-Runtime-Client-Context").orElseThrow());
            assertTrue(next.headers().firstValue("Lambda-Runtime-Cognito-Identity").isEmpty());

            HttpResponse<String> ok = post(base + "invocation/req-1/response", "\"done\"", null);
            assertEquals(202, ok.statusCode());
            assertEquals("{\"status\":\"OK\"}", ok.body());
            HttpResponse<String> unknown = post(base + "invocation/req-9/response", "1", null);
            assertEquals(400, unknown.statusCode());
            assertTrue(unknown.body().contains("\"errorType\":\"InvalidRequestID\""), unknown.body());
            assertEquals(202, post(base + "invocation/req-1/error", "{\"errorMessage\":\"m\",\"errorType\":\"E\"}", "E").statusCode());
            assertEquals(202, post(base + "init/error", "{\"errorMessage\":\"boom\"}", "Runtime.ImportModuleError").statusCode());
            assertEquals(404, post(base + "invocation/req-1/other", "", null).statusCode());
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create("http://" + server.address() + "/other")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(List.of("response req-1 \"done\"", "response req-9 1",
                    "error req-1 E {\"errorMessage\":\"m\",\"errorType\":\"E\"}",
                    "init Runtime.ImportModuleError {\"errorMessage\":\"boom\"}"), calls);
        }
    }

    @Test
    void aResultOverTheQuotaIsRefused() throws Exception {
        try (RuntimeApiServer server = new RuntimeApiServer(listener)) {
            String big = "x".repeat(RuntimeApiServer.MAX_BODY_BYTES + 1);
            HttpResponse<String> refused = post("http://" + server.address() + "/2018-06-01/runtime/invocation/req-1/response", big, null);
            assertEquals(413, refused.statusCode());
            assertEquals(List.of("error req-1 Function.ResponseSizeTooLarge {\"errorMessage\":\"Response payload size exceeded "
                    + "maximum allowed payload size (6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}"), calls);
        }
    }

    private HttpResponse<String> post(String url, String body, String errorType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (errorType != null) {
            request.header("Lambda-Runtime-Function-Error-Type", errorType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
