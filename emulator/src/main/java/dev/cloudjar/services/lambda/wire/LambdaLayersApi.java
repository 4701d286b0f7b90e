package dev.cloudjar.services.lambda.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.lambda.Layers;
import dev.cloudjar.services.lambda.model.LayerVersionRecord;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Layers: {@code /2018-10-31/layers[/<name>/versions[/<number>[/policy[/<sid>]]]]}, plus
 * {@code .../versions/<number>/content}, CloudJar's own download link that Content.Location points to.
 */
final class LambdaLayersApi {
    private final Layers layers;

    LambdaLayersApi(Layers layers) {
        this.layers = layers;
    }

    /** seg = [date, "layers", name, "versions", number, sub, id]; null when no layer operation matches. */
    AwsResponse handle(AwsRequest r, String m, String[] seg) {
        if (seg.length == 2 && m.equals("GET")) {
            if ("LayerVersion".equals(r.queryParameter("find"))) {
                return LambdaApi.json(200, version(layers.getByArn(r.scope(), r.queryParameter("Arn")), r), r);
            }
            return listLayers(r);
        }
        if (seg.length < 4 || !seg[3].equals("versions")) {
            return null;
        }
        String name = seg[2];
        if (seg.length == 4) {
            if (m.equals("POST")) {
                return publish(r, name);
            }
            return m.equals("GET") ? listVersions(r, name) : null;
        }
        String number = seg[4];
        switch ((seg.length > 5 ? seg[5] : "") + " " + m + " " + seg.length) {
            case " GET 5":
                return LambdaApi.json(200, version(layers.get(r.scope(), name, number), r), r);
            case " DELETE 5":
                layers.delete(r.scope(), name, number);
                return LambdaExtrasApi.noContent(r);
            case "content GET 6":
                return AwsResponse.ok().header("x-amzn-RequestId", r.requestId())
                        .stream(layers.content(r.scope(), name, number), -1, "application/zip");
            case "policy POST 6": {
                JsonNode b = JsonProtocol.readTree(r);
                String[] added = layers.policies().add(r.scope(), name, number, LambdaApi.text(b, "StatementId"),
                        LambdaApi.text(b, "Action"), LambdaApi.text(b, "Principal"), LambdaApi.text(b, "OrganizationId"),
                        r.queryParameter("RevisionId"));
                return LambdaApi.json(201, JsonProtocol.MAPPER.createObjectNode().put("Statement", added[0]).put("RevisionId", added[1]), r);
            }
            case "policy GET 6": {
                String[] policy = layers.policies().get(r.scope(), name, number);
                return LambdaApi.json(200, JsonProtocol.MAPPER.createObjectNode().put("Policy", policy[0]).put("RevisionId", policy[1]), r);
            }
            case "policy DELETE 7":
                layers.policies().remove(r.scope(), name, number, seg[6], r.queryParameter("RevisionId"));
                return LambdaExtrasApi.noContent(r);
            default:
                return null;
        }
    }

    private AwsResponse publish(AwsRequest r, String name) {
        JsonNode b = JsonProtocol.readTree(r);
        LayerVersionRecord v = layers.publish(r.scope(), name, LambdaApi.text(b, "Description"), LambdaBinding.code(b.get("Content")),
                LambdaBinding.strings(b.get("CompatibleRuntimes")), LambdaBinding.strings(b.get("CompatibleArchitectures")),
                LambdaApi.text(b, "LicenseInfo"));
        return LambdaApi.json(201, version(v, r), r);
    }

    private AwsResponse listLayers(AwsRequest r) {
        List<LayerVersionRecord> all = layers.listLayers(r.scope(), r.queryParameter("CompatibleRuntime"),
                r.queryParameter("CompatibleArchitecture"), r.queryParameter("MaxItems"));
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        List<LayerVersionRecord> page = LambdaRender.page(all, r.queryParameter("Marker"), r.queryParameter("MaxItems"), out, "NextMarker");
        ArrayNode items = out.putArray("Layers");
        for (LayerVersionRecord v : page) {
            ObjectNode item = items.addObject();
            item.put("LayerName", v.layerArn().substring(v.layerArn().lastIndexOf(':') + 1));
            item.put("LayerArn", v.layerArn());
            item.set("LatestMatchingVersion", listItem(v));
        }
        return LambdaApi.json(200, out, r);
    }

    private AwsResponse listVersions(AwsRequest r, String name) {
        List<LayerVersionRecord> all = layers.listVersions(r.scope(), name, r.queryParameter("CompatibleRuntime"),
                r.queryParameter("CompatibleArchitecture"), r.queryParameter("MaxItems"));
        ObjectNode out = JsonProtocol.MAPPER.createObjectNode();
        List<LayerVersionRecord> page = LambdaRender.page(all, r.queryParameter("Marker"), r.queryParameter("MaxItems"), out, "NextMarker");
        ArrayNode items = out.putArray("LayerVersions");
        page.forEach(v -> items.add(listItem(v)));
        return LambdaApi.json(200, out, r);
    }

    /** PublishLayerVersion's and GetLayerVersion's answer. */
    private static ObjectNode version(LayerVersionRecord v, AwsRequest r) {
        ObjectNode n = JsonProtocol.MAPPER.createObjectNode();
        ObjectNode content = n.putObject("Content");
        content.put("Location", r.endpoint() + "/2018-10-31/layers/" + URLEncoder.encode(v.layerArn(), StandardCharsets.UTF_8)
                + "/versions/" + v.version() + "/content");
        content.put("CodeSha256", v.codeSha256());
        content.put("CodeSize", v.codeSize());
        n.put("LayerArn", v.layerArn());
        n.setAll(listItem(v));
        return n;
    }

    /** A LayerVersionsListItem. */
    private static ObjectNode listItem(LayerVersionRecord v) {
        ObjectNode n = JsonProtocol.MAPPER.createObjectNode();
        n.put("LayerVersionArn", v.layerVersionArn());
        n.put("Version", v.version());
        n.put("Description", v.description());
        n.put("CreatedDate", v.createdDate());
        if (!v.compatibleRuntimes().isEmpty()) {
            ArrayNode runtimes = n.putArray("CompatibleRuntimes");
            v.compatibleRuntimes().forEach(runtimes::add);
        }
        if (v.licenseInfo() != null) {
            n.put("LicenseInfo", v.licenseInfo());
        }
        if (!v.compatibleArchitectures().isEmpty()) {
            ArrayNode architectures = n.putArray("CompatibleArchitectures");
            v.compatibleArchitectures().forEach(architectures::add);
        }
        return n;
    }
}
