package dev.cloudjar.services.lambda.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.services.lambda.LambdaErrors;
import dev.cloudjar.services.lambda.model.CodeInput;
import dev.cloudjar.services.lambda.model.FunctionSettings;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds Lambda request members (botocore names) to backend inputs. */
final class LambdaBinding {
    private LambdaBinding() {
    }

    static FunctionSettings settings(JsonNode b) {
        JsonNode env = b.get("Environment");
        Map<String, String> variables = env == null || env.isNull() ? null : stringMap(env.get("Variables"));
        if (env != null && !env.isNull() && variables == null) {
            variables = Map.of();
        }
        JsonNode dlq = b.get("DeadLetterConfig");
        String dlqTarget = dlq == null || dlq.isNull() ? null : (dlq.hasNonNull("TargetArn") ? dlq.get("TargetArn").asText() : "");
        JsonNode storage = b.get("EphemeralStorage");
        return new FunctionSettings(LambdaApi.text(b, "Runtime"), LambdaApi.text(b, "Role"), LambdaApi.text(b, "Handler"),
                LambdaApi.text(b, "Description"), integer(b, "Timeout"), integer(b, "MemorySize"), variables, dlqTarget,
                strings(b.get("Architectures")), storage == null ? null : integer(storage, "Size"), LambdaApi.text(b, "PackageType"),
                strings(b.get("Layers")));
    }

    static CodeInput code(JsonNode c) {
        if (c == null || c.isNull()) {
            return null;
        }
        byte[] zip = null;
        String zipText = LambdaApi.text(c, "ZipFile");
        if (zipText != null) {
            try {
                zip = Base64.getMimeDecoder().decode(zipText);
            } catch (IllegalArgumentException e) {
                throw LambdaErrors.invalid("Could not unzip uploaded file. Please check your file, then try to upload again.");
            }
        }
        if (LambdaApi.text(c, "ImageUri") != null) {
            throw LambdaErrors.invalid("CloudJar runs .zip deployment packages only; container images are not supported.");
        }
        return new CodeInput(zip, LambdaApi.text(c, "S3Bucket"), LambdaApi.text(c, "S3Key"), LambdaApi.text(c, "S3ObjectVersion"));
    }

    static Integer integer(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToInt()) {
            throw LambdaErrors.invalid("Invalid value for " + field + ": " + n);
        }
        return n.asInt();
    }

    static Map<String, String> stringMap(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return out;
    }

    static List<String> strings(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asText()));
        return out;
    }

    static Map<String, Double> weights(JsonNode routing) {
        if (routing == null || routing.isNull()) {
            return null;
        }
        JsonNode w = routing.get("AdditionalVersionWeights");
        Map<String, Double> out = new LinkedHashMap<>();
        if (w != null) {
            w.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble()));
        }
        return out;
    }
}
