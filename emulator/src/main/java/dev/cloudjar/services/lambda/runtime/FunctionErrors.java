package dev.cloudjar.services.lambda.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/** Function error payloads in the Java runtime's shape: errorMessage, errorType, stackTrace, cause. */
public final class FunctionErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CAUSES = 8;

    private FunctionErrors() {
    }

    public static byte[] fromThrowable(Throwable error) {
        if (error instanceof HandlerInitException init) {
            return simple(init.errorType(), init.getMessage());
        }
        return write(node(error, new IdentityHashMap<>(), 0));
    }

    /** {"errorMessage":..., "errorType":...} with no trace: timeouts and CloudJar-side failures. */
    public static byte[] simple(String errorType, String errorMessage) {
        ObjectNode node = JSON.createObjectNode();
        node.put("errorMessage", errorMessage);
        node.put("errorType", errorType);
        return write(node);
    }

    public static byte[] timeout(String requestId, int timeoutSeconds) {
        ObjectNode node = JSON.createObjectNode();
        node.put("errorType", "Sandbox.Timedout");
        node.put("errorMessage", "RequestId: " + requestId + " Error: Task timed out after " + timeoutSeconds + ".00 seconds");
        return write(node);
    }

    /** The function's runtime exited (System.exit, a crashed process): AWS's Runtime.ExitError. */
    public static byte[] exited(String requestId, int status) {
        return simple("Runtime.ExitError", "RequestId: " + requestId + " Error: Runtime exited with error: exit status " + status);
    }

    private static ObjectNode node(Throwable error, Map<Throwable, Boolean> seen, int depth) {
        seen.put(error, Boolean.TRUE);
        ObjectNode node = JSON.createObjectNode();
        if (error.getMessage() != null) {
            node.put("errorMessage", error.getMessage());
        }
        node.put("errorType", error.getClass().getName());
        ArrayNode trace = node.putArray("stackTrace");
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getClassName().startsWith("dev.cloudjar.services.lambda.runtime.")) {
                break; // below here is CloudJar's invoker, not the function
            }
            trace.add(frame.getClassName() + "." + frame.getMethodName() + "(" + location(frame) + ")");
        }
        Throwable cause = error.getCause();
        if (cause != null && !seen.containsKey(cause) && depth < MAX_CAUSES) {
            node.set("cause", node(cause, seen, depth + 1));
        }
        return node;
    }

    private static String location(StackTraceElement frame) {
        if (frame.isNativeMethod()) {
            return "Native Method";
        }
        if (frame.getFileName() == null) {
            return "Unknown Source";
        }
        return frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
    }

    private static byte[] write(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            return ("{\"errorType\":\"" + node.path("errorType").asText() + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
