package dev.cloudjar.services.lambda.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.lambda.esm.MappingRecord;
import dev.cloudjar.services.lambda.model.AliasRecord;
import dev.cloudjar.services.lambda.model.EventInvokeConfig;
import dev.cloudjar.services.lambda.model.FunctionConfig;
import dev.cloudjar.services.lambda.model.FunctionState;
import java.util.List;
import java.util.Map;

/** Lambda's JSON output shapes (botocore lambda/2015-03-31 members). */
final class LambdaRender {
    private LambdaRender() {
    }

    static ObjectNode configuration(FunctionConfig c, String functionArn, FunctionState state) {
        ObjectNode n = JsonProtocol.MAPPER.createObjectNode();
        n.put("FunctionName", c.functionName());
        n.put("FunctionArn", functionArn);
        n.put("Runtime", c.runtime());
        n.put("Role", c.role());
        n.put("Handler", c.handler());
        n.put("CodeSize", c.codeSize());
        n.put("Description", c.description());
        n.put("Timeout", c.timeout());
        n.put("MemorySize", c.memorySize());
        n.put("LastModified", c.lastModified());
        n.put("CodeSha256", c.codeSha256());
        n.put("Version", c.version());
        if (!c.layers().isEmpty()) {
            ArrayNode layers = n.putArray("Layers");
            c.layers().forEach(l -> layers.addObject().put("Arn", l.arn()).put("CodeSize", l.codeSize()));
        }
        if (!c.variables().isEmpty()) {
            ObjectNode vars = n.putObject("Environment").putObject("Variables");
            c.variables().forEach(vars::put);
        }
        if (c.deadLetterTarget() != null) {
            n.putObject("DeadLetterConfig").put("TargetArn", c.deadLetterTarget());
        }
        n.putObject("TracingConfig").put("Mode", "PassThrough");
        n.put("RevisionId", c.revisionId());
        n.put("State", state.state());
        if (state.reasonCode() != null) {
            n.put("StateReason", state.reason());
            n.put("StateReasonCode", state.reasonCode());
        }
        n.put("LastUpdateStatus", "Successful");
        n.put("PackageType", "Zip");
        ArrayNode arch = n.putArray("Architectures");
        c.architectures().forEach(arch::add);
        n.putObject("EphemeralStorage").put("Size", c.ephemeralStorage());
        ObjectNode snap = n.putObject("SnapStart");
        snap.put("ApplyOn", "None");
        snap.put("OptimizationStatus", "Off");
        ObjectNode logging = n.putObject("LoggingConfig");
        logging.put("LogFormat", "Text");
        logging.put("LogGroup", "/aws/lambda/" + c.functionName());
        return n;
    }

    static ObjectNode alias(AliasRecord a, String aliasArn) {
        ObjectNode n = JsonProtocol.MAPPER.createObjectNode();
        n.put("AliasArn", aliasArn);
        n.put("Name", a.name());
        n.put("FunctionVersion", a.functionVersion());
        n.put("Description", a.description());
        if (!a.additionalVersionWeights().isEmpty()) {
            ObjectNode weights = n.putObject("RoutingConfig").putObject("AdditionalVersionWeights");
            a.additionalVersionWeights().forEach(weights::put);
        }
        n.put("RevisionId", a.revisionId());
        return n;
    }

    static ObjectNode eventInvokeConfig(EventInvokeConfig c, String functionArn) {
        ObjectNode n = JsonProtocol.MAPPER.createObjectNode();
        n.put("LastModified", c.lastModified());
        n.put("FunctionArn", functionArn);
        if (c.maximumRetryAttempts() != null) {
            n.put("MaximumRetryAttempts", c.maximumRetryAttempts());
        }
        if (c.maximumEventAgeInSeconds() != null) {
            n.put("MaximumEventAgeInSeconds", c.maximumEventAgeInSeconds());
        }
        ObjectNode destinations = n.putObject("DestinationConfig");
        ObjectNode onSuccess = destinations.putObject("OnSuccess");
        if (c.onSuccess() != null) {
            onSuccess.put("Destination", c.onSuccess());
        }
        ObjectNode onFailure = destinations.putObject("OnFailure");
        if (c.onFailure() != null) {
            onFailure.put("Destination", c.onFailure());
        }
        return n;
    }

    static ObjectNode mapping(MappingRecord m) {
        ObjectNode n = JsonProtocol.MAPPER.createObjectNode();
        boolean stream = !MappingRecord.SQS.equals(m.kind());
        n.put("UUID", m.uuid());
        if (stream) {
            n.put("StartingPosition", m.startingPosition());
            if (m.startingPositionTimestamp() != null) {
                n.put("StartingPositionTimestamp", m.startingPositionTimestamp());
            }
        }
        n.put("BatchSize", m.batchSize());
        n.put("MaximumBatchingWindowInSeconds", m.maximumBatchingWindowInSeconds());
        if (stream) {
            n.put("ParallelizationFactor", m.parallelizationFactor());
        }
        n.put("EventSourceArn", m.eventSourceArn());
        if (m.filterPatterns() != null && !m.filterPatterns().isEmpty()) {
            ArrayNode filters = n.putObject("FilterCriteria").putArray("Filters");
            m.filterPatterns().forEach(p -> filters.addObject().put("Pattern", p));
        }
        n.put("FunctionArn", m.functionArn());
        n.put("LastModified", m.lastModified());
        if (stream) {
            n.put("LastProcessingResult", m.lastProcessingResult());
        }
        n.put("State", m.state());
        n.put("StateTransitionReason", m.stateTransitionReason());
        if (stream) {
            ObjectNode onFailure = n.putObject("DestinationConfig").putObject("OnFailure");
            if (m.onFailure() != null) {
                onFailure.put("Destination", m.onFailure());
            }
            n.put("MaximumRecordAgeInSeconds", m.maximumRecordAgeInSeconds());
            n.put("BisectBatchOnFunctionError", m.bisectBatchOnFunctionError());
            n.put("MaximumRetryAttempts", m.maximumRetryAttempts());
            n.put("TumblingWindowInSeconds", m.tumblingWindowInSeconds());
        }
        ArrayNode types = n.putArray("FunctionResponseTypes");
        m.functionResponseTypes().forEach(types::add);
        n.put("EventSourceMappingArn", "arn:aws:lambda:" + m.region() + ":" + m.account() + ":event-source-mapping:" + m.uuid());
        return n;
    }

    static ObjectNode tags(Map<String, String> tags) {
        ObjectNode n = JsonProtocol.MAPPER.createObjectNode();
        ObjectNode t = n.putObject("Tags");
        tags.forEach(t::put);
        return n;
    }

    /** A page of a list: at most {@code maxItems} after the marker (an index), with NextMarker when more remain. */
    static <T> List<T> page(List<T> all, String marker, String maxItems, ObjectNode out, String markerField) {
        int from = 0;
        if (marker != null) {
            try {
                from = Math.max(0, Integer.parseInt(marker));
            } catch (NumberFormatException e) {
                throw new dev.cloudjar.core.AwsException(400, "InvalidParameterValueException", "Invalid marker: " + marker);
            }
        }
        int max = maxItems == null ? 50 : Math.max(1, Math.min(10000, Integer.parseInt(maxItems)));
        int to = Math.min(all.size(), from + max);
        if (to < all.size()) {
            out.put(markerField, Integer.toString(to));
        }
        return from >= all.size() ? List.of() : all.subList(from, to);
    }
}
