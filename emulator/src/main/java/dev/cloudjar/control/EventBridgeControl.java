package dev.cloudjar.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.eventbridge.EventBridgeBackend;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Time controls (docs/control-api.md): {@code POST /_cloudjar/events/rules/<name>/fire} runs a rule's
 * targets now with a Scheduled Event, and {@code POST /_cloudjar/clock/advance} with
 * {@code {"seconds": n}} moves CloudJar's clock forward so schedules come due without waiting.
 */
public final class EventBridgeControl {
    private static final long MAX_ADVANCE_SECONDS = 366L * 24 * 3600;

    private EventBridgeControl() {
    }

    public static Function<AwsRequest, Object> fireRule(Supplier<EventBridgeBackend> backend) {
        return request -> {
            String rest = request.rawPath().substring("/_cloudjar/events/rules/".length());
            if (!rest.endsWith("/fire") || rest.length() <= "/fire".length()) {
                throw new AwsException(404, "ResourceNotFoundException", "No CloudJar endpoint POST " + request.rawPath());
            }
            String name = URLDecoder.decode(rest.substring(0, rest.length() - "/fire".length()), StandardCharsets.UTF_8);
            String bus = request.queryParameter("eventBusName");
            int targets = backend.get().fireRule(request.scope(), name, bus);
            return JsonProtocol.MAPPER.createObjectNode().put("rule", name).put("targets", targets);
        };
    }

    public static Function<AwsRequest, Object> advanceClock(Function<Duration, Instant> advance) {
        return request -> {
            if (!request.rawPath().equals("/_cloudjar/clock/advance")) {
                throw new AwsException(404, "ResourceNotFoundException", "No CloudJar endpoint POST " + request.rawPath());
            }
            JsonNode body;
            try {
                byte[] bytes = request.bodyBytes();
                body = bytes.length == 0 ? null : JsonProtocol.MAPPER.readTree(bytes);
            } catch (IOException e) {
                body = null;
            }
            JsonNode seconds = body == null ? null : body.get("seconds");
            if (seconds == null || !seconds.isNumber() || seconds.asDouble() <= 0 || seconds.asDouble() > MAX_ADVANCE_SECONDS) {
                throw new AwsException(400, "ValidationException",
                        "POST /_cloudjar/clock/advance takes {\"seconds\": n} with 0 < n <= " + MAX_ADVANCE_SECONDS);
            }
            Instant now = advance.apply(Duration.ofMillis((long) (seconds.asDouble() * 1000)));
            ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
            out.put("now", now.toString());
            return out;
        };
    }
}
