package dev.cloudjar.services.s3.wire;

import dev.cloudjar.core.PageToken;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.xml.XmlNode;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.IdConfigurations;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Put/Get/Delete/List of the bucket configurations S3 keeps by id ({@code ?inventory}, {@code ?analytics},
 * {@code ?metrics}, {@code ?intelligent-tiering}, each with {@code id=}), and Put/Get/DeleteBucketReplication.
 */
final class IdConfigRoutes {
    /** Each kind's document element and the root element of its List answer. */
    private record Kind(String element, String listRoot) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "inventory", new Kind("InventoryConfiguration", "ListInventoryConfigurationsResult"),
            "analytics", new Kind("AnalyticsConfiguration", "ListBucketAnalyticsConfigurationResult"),
            "metrics", new Kind("MetricsConfiguration", "ListMetricsConfigurationsResult"),
            "intelligent-tiering", new Kind("IntelligentTieringConfiguration", "ListBucketIntelligentTieringConfigurationsOutput"));
    private final S3Backend backend;

    IdConfigRoutes(S3Backend backend) {
        this.backend = backend;
    }

    /** The id-keyed kind a request addresses, or null. */
    static String kindOf(AwsRequest request) {
        for (String kind : KINDS.keySet()) {
            if (request.hasQueryParameter(kind)) {
                return kind;
            }
        }
        return null;
    }

    private IdConfigurations configs() {
        return backend.idConfigurations();
    }

    AwsResponse get(AwsRequest request, S3Address address, String kind) {
        String id = request.queryParameter("id");
        if (id == null) {
            return list(request, address, kind);
        }
        return stored(configs().get(address.bucket(), kind, id));
    }

    private AwsResponse list(AwsRequest request, S3Address address, String kind) {
        String token = request.queryParameter("continuation-token");
        String after = null;
        if (token != null) {
            after = PageToken.decodeOrNull(token);
            if (after == null) {
                throw S3Errors.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
            }
        }
        IdConfigurations.Page page = configs().list(address.bucket(), kind, after);
        XmlWriter xml = S3Xml.document(KINDS.get(kind).listRoot());
        for (String document : page.documents()) {
            copy(xml, S3Xml.parse(document.getBytes(StandardCharsets.UTF_8)));
        }
        xml.element("IsTruncated", page.nextId() != null);
        xml.element("ContinuationToken", token);
        if (page.nextId() != null) {
            xml.element("NextContinuationToken", PageToken.encode(page.nextId()));
        }
        return S3Xml.ok(xml);
    }

    /** Writes a stored document's elements into a List answer. */
    private static void copy(XmlWriter xml, XmlNode node) {
        if (node.children().isEmpty()) {
            xml.element(node.name(), node.rawText());
            return;
        }
        xml.start(node.name());
        node.children().forEach(child -> copy(xml, child));
        xml.end();
    }

    AwsResponse put(AwsRequest request, S3Address address, String kind) {
        backend.headBucket(address.bucket());
        byte[] bytes = S3Xml.bodyBytes(request);
        XmlNode root = S3Xml.parse(bytes);
        if (!KINDS.get(kind).element().equals(root.name()) || root.childText("Id") == null) {
            throw S3Errors.malformedXml();
        }
        switch (kind) {
            case "inventory" -> checkInventory(root);
            case "analytics" -> require(root.child("StorageClassAnalysis") != null);
            case "intelligent-tiering" -> checkTiering(root);
            default -> { }
        }
        configs().put(address.bucket(), kind, request.queryParameter("id"), root.childText("Id"), new String(bytes, StandardCharsets.UTF_8));
        return AwsResponse.ok().body(new byte[0], null);
    }

    AwsResponse delete(AwsRequest request, S3Address address, String kind) {
        configs().delete(address.bucket(), kind, request.queryParameter("id"));
        return AwsResponse.status(204);
    }

    private static void require(boolean valid) {
        if (!valid) {
            throw S3Errors.malformedXml();
        }
    }

    private static boolean oneOf(String value, Set<String> allowed) {
        return value != null && allowed.contains(value);
    }

    private static void checkInventory(XmlNode root) {
        XmlNode destination = root.child("Destination");
        XmlNode bucket = destination == null ? null : destination.child("S3BucketDestination");
        require(bucket != null && bucket.childText("Bucket") != null && oneOf(bucket.childText("Format"), Set.of("CSV", "ORC", "Parquet")));
        require(oneOf(root.childText("IsEnabled"), Set.of("true", "false")));
        require(oneOf(root.childText("IncludedObjectVersions"), Set.of("All", "Current")));
        XmlNode schedule = root.child("Schedule");
        require(schedule != null && oneOf(schedule.childText("Frequency"), Set.of("Daily", "Weekly")));
    }

    private static void checkTiering(XmlNode root) {
        require(oneOf(root.childText("Status"), Set.of("Enabled", "Disabled")));
        List<XmlNode> tierings = root.children("Tiering");
        require(!tierings.isEmpty());
        for (XmlNode tiering : tierings) {
            require(oneOf(tiering.childText("AccessTier"), Set.of("ARCHIVE_ACCESS", "DEEP_ARCHIVE_ACCESS")));
            require(tiering.childText("Days") != null && tiering.childText("Days").matches("\\d{1,9}"));
        }
    }

    AwsResponse getReplication(AwsRequest request, S3Address address) {
        return stored(configs().replication(address.bucket()));
    }

    AwsResponse putReplication(AwsRequest request, S3Address address) {
        backend.headBucket(address.bucket());
        byte[] bytes = S3Xml.bodyBytes(request);
        XmlNode root = S3Xml.parse(bytes);
        require("ReplicationConfiguration".equals(root.name()) && root.childText("Role") != null);
        List<XmlNode> rules = root.children("Rule");
        require(!rules.isEmpty() && rules.size() <= 1000);
        List<String> destinations = new ArrayList<>();
        for (XmlNode rule : rules) {
            XmlNode destination = rule.child("Destination");
            require(oneOf(rule.childText("Status"), Set.of("Enabled", "Disabled")) && destination != null
                    && destination.childText("Bucket") != null);
            destinations.add(destination.childText("Bucket"));
        }
        configs().putReplication(address.bucket(), new String(bytes, StandardCharsets.UTF_8), destinations);
        return AwsResponse.ok().body(new byte[0], null);
    }

    AwsResponse deleteReplication(AwsRequest request, S3Address address) {
        configs().deleteReplication(address.bucket());
        return AwsResponse.status(204);
    }

    private static AwsResponse stored(String document) {
        return AwsResponse.ok().body(document.getBytes(StandardCharsets.UTF_8), S3Xml.XML_TYPE);
    }
}
