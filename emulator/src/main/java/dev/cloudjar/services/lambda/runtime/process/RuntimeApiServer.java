package dev.cloudjar.services.lambda.runtime.process;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cloudjar.services.lambda.runtime.FunctionErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Lambda Runtime API (version 2018-06-01) of one execution environment, on 127.0.0.1 and an
 * ephemeral port: {@code GET /runtime/invocation/next} blocks until the environment has an invocation
 * and answers it with the {@code Lambda-Runtime-*} headers; {@code .../{id}/response}, {@code .../{id}/error}
 * and {@code /runtime/init/error} answer 202. What they mean is the {@link Listener}'s business; this class
 * only speaks HTTP. Handlers run on a shared pool, so a blocked {@code next} holds no dispatcher thread.
 */
final class RuntimeApiServer implements AutoCloseable {
    static final int MAX_BODY_BYTES = 6 * 1024 * 1024 + 1024;
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final byte[] ACCEPTED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
    private static final ExecutorService HANDLERS;

    static {
        // The JDK server leaves Nagle on unless told before its configuration class loads: with delayed
        // ACKs on loopback every small response would wait 40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HANDLERS = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lambda-runtime-api");
            t.setDaemon(true);
            return t;
        });
    }

    /** One invocation handed to the runtime by {@code next}. */
    record Invocation(String requestId, byte[] payload, long deadlineMillis, String invokedArn, String traceId,
                      String clientContext, String cognitoIdentity) {
    }

    /** What the environment does with the runtime's calls. */
    interface Listener {
        /** Blocks until there is an invocation for the runtime; null when the environment is closing. */
        Invocation next() throws InterruptedException;

        /** False when {@code requestId} is not the invocation in progress. */
        boolean response(String requestId, byte[] body);

        boolean error(String requestId, String errorType, byte[] body);

        void initError(String errorType, byte[] body);
    }

    private final HttpServer server;
    private final Listener listener;

    RuntimeApiServer(Listener listener) throws IOException {
        this.listener = listener;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(HANDLERS);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code host:port}, the value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (!path.startsWith(PREFIX)) {
                send(exchange, 404, error("Unknown path: " + path, "InvalidRequest"));
                return;
            }
            String rest = path.substring(PREFIX.length());
            if (rest.equals("invocation/next") && method.equals("GET")) {
                next(exchange);
            } else if (rest.equals("init/error") && method.equals("POST")) {
                byte[] body = body(exchange);
                if (body == null) {
                    tooLarge(exchange);
                } else {
                    listener.initError(exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"), body);
                    send(exchange, 202, ACCEPTED);
                }
            } else if (rest.startsWith("invocation/") && method.equals("POST")) {
                result(exchange, rest.substring("invocation/".length()));
            } else {
                send(exchange, 404, error("Unknown path: " + path, "InvalidRequest"));
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation;
        try {
            invocation = listener.next();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            invocation = null;
        }
        if (invocation == null) {
            send(exchange, 500, error("The execution environment is shutting down.", "Runtime.Shutdown"));
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.invokedArn());
        headers.set("Lambda-Runtime-Trace-Id", invocation.traceId());
        if (invocation.clientContext() != null) {
            headers.set("Lambda-Runtime-Client-Context", invocation.clientContext());
        }
        if (invocation.cognitoIdentity() != null) {
            headers.set("Lambda-Runtime-Cognito-Identity", invocation.cognitoIdentity());
        }
        send(exchange, 200, invocation.payload());
    }

    private void result(HttpExchange exchange, String rest) throws IOException {
        int slash = rest.indexOf('/');
        String id = slash < 0 ? "" : rest.substring(0, slash);
        String kind = slash < 0 ? "" : rest.substring(slash + 1);
        if (!kind.equals("response") && !kind.equals("error")) {
            send(exchange, 404, error("Unknown path: " + exchange.getRequestURI().getPath(), "InvalidRequest"));
            return;
        }
        byte[] body = body(exchange);
        if (body == null) {
            // as on AWS, the invocation fails (the runtime was told 413 and goes on to the next one)
            listener.error(id, "Function.ResponseSizeTooLarge", FunctionErrors.simple("Function.ResponseSizeTooLarge",
                    "Response payload size exceeded maximum allowed payload size (6291556 bytes)."));
            tooLarge(exchange);
            return;
        }
        boolean known = kind.equals("response") ? listener.response(id, body)
                : listener.error(id, exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"), body);
        if (known) {
            send(exchange, 202, ACCEPTED);
        } else {
            send(exchange, 400, error("Invalid request ID: " + id, "InvalidRequestID"));
        }
    }

    /** The request body, or null when it is over the payload quota. */
    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private static void tooLarge(HttpExchange exchange) throws IOException {
        send(exchange, 413, error("Exceeded maximum allowed payload size (6291556 bytes).", "RequestEntityTooLarge"));
    }

    private static byte[] error(String message, String type) {
        return ("{\"errorMessage\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"errorType\":\""
                + type + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
