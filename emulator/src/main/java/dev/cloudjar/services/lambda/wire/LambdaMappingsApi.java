package dev.cloudjar.services.lambda.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.lambda.LambdaBackend;
import dev.cloudjar.services.lambda.esm.MappingInput;
import dev.cloudjar.services.lambda.esm.MappingRecord;
import java.util.ArrayList;
import java.util.List;

/** Create/Get/List/Update/DeleteEventSourceMapping. */
final class LambdaMappingsApi {
    private final LambdaBackend backend;

    LambdaMappingsApi(LambdaBackend backend) {
        this.backend = backend;
    }

    AwsResponse handle(AwsRequest r, String m, String[] seg) {
        if (seg.length == 2 && m.equals("POST")) {
            return LambdaApi.json(202, LambdaRender.mapping(backend.mappings().create(r.scope(), input(JsonProtocol.readTree(r)))), r);
        }
        if (seg.length == 2 && m.equals("GET")) {
            ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
            List<MappingRecord> page = LambdaRender.page(backend.mappings().list(r.scope(), r.queryParameter("FunctionName"),
                    r.queryParameter("EventSourceArn")), r.queryParameter("Marker"), r.queryParameter("MaxItems"), out, "NextMarker");
            ArrayNode list = out.putArray("EventSourceMappings");
            page.forEach(mapping -> list.add(LambdaRender.mapping(mapping)));
            return LambdaApi.json(200, out, r);
        }
        if (seg.length != 3) {
            return null;
        }
        switch (m) {
            case "GET":
                return LambdaApi.json(200, LambdaRender.mapping(backend.mappings().get(seg[2])), r);
            case "PUT":
                return LambdaApi.json(202, LambdaRender.mapping(backend.mappings().update(r.scope(), seg[2],
                        input(JsonProtocol.readTree(r)))), r);
            case "DELETE":
                return LambdaApi.json(202, LambdaRender.mapping(backend.mappings().delete(seg[2])), r);
            default:
                return null;
        }
    }

    private static MappingInput input(JsonNode b) {
        List<String> patterns = null;
        JsonNode filters = b.path("FilterCriteria").get("Filters");
        if (filters != null && filters.isArray()) {
            patterns = new ArrayList<>();
            for (JsonNode f : filters) {
                patterns.add(LambdaApi.text(f, "Pattern"));
            }
        }
        JsonNode ts = b.get("StartingPositionTimestamp");
        JsonNode destination = b.path("DestinationConfig").path("OnFailure");
        String onFailure = b.has("DestinationConfig") ? (destination.hasNonNull("Destination") ? destination.get("Destination").asText() : "")
                : null;
        JsonNode bisect = b.get("BisectBatchOnFunctionError");
        JsonNode enabled = b.get("Enabled");
        return new MappingInput(LambdaApi.text(b, "FunctionName"), LambdaApi.text(b, "EventSourceArn"),
                enabled == null || enabled.isNull() ? null : enabled.asBoolean(), LambdaBinding.integer(b, "BatchSize"),
                LambdaBinding.integer(b, "MaximumBatchingWindowInSeconds"), LambdaApi.text(b, "StartingPosition"),
                ts == null || ts.isNull() ? null : ts.asDouble(), LambdaBinding.integer(b, "ParallelizationFactor"),
                LambdaBinding.integer(b, "MaximumRecordAgeInSeconds"), bisect == null || bisect.isNull() ? null : bisect.asBoolean(),
                LambdaBinding.integer(b, "MaximumRetryAttempts"), LambdaBinding.integer(b, "TumblingWindowInSeconds"),
                LambdaBinding.strings(b.get("FunctionResponseTypes")), patterns, onFailure);
    }
}
