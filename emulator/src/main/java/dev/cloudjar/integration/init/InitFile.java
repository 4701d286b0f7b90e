package dev.cloudjar.integration.init;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A declarative setup file ({@code --init FILE}, docs/init-file.md): the queues, topics and their
 * subscriptions, tables, functions, event source mappings and buckets CloudJar creates at start.
 * {@link #parse} checks everything that can be checked without the services (shapes, required
 * members, allowed values, that code files exist) and names the entry at fault; what only a service
 * can judge (a bad queue attribute, a function a mapping names but nothing creates) fails when
 * {@link InitFileLoader} applies the file, with the entry named too.
 */
public record InitFile(Path source, List<QueueSpec> queues, List<TopicSpec> topics, List<TableSpec> tables,
                       List<FunctionSpec> functions, List<MappingSpec> eventSourceMappings, List<BucketSpec> buckets) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEY_TYPES = Set.of("S", "N", "B");
    private static final Set<String> STREAM_VIEWS = Set.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");
    private static final Set<String> PROJECTIONS = Set.of("ALL", "KEYS_ONLY", "INCLUDE");
    private static final Set<String> POSITIONS = Set.of("TRIM_HORIZON", "LATEST");
    /** AWS's limit for a function's zip uploaded directly (CreateFunction's ZipFile). */
    private static final long MAX_CODE_BYTES = 50L * 1024 * 1024;

    public record QueueSpec(String where, String name, Map<String, String> attributes) {
    }

    /** A topic and its subscriptions; {@code confirm} follows an email subscription's confirmation link. */
    public record TopicSpec(String where, String name, Map<String, String> attributes, List<SubscriptionSpec> subscriptions) {
    }

    /** For sqs and lambda, {@code endpoint} is a queue or function name of this account, or an ARN. */
    public record SubscriptionSpec(String where, String protocol, String endpoint, Map<String, String> attributes, boolean confirm) {
    }

    public record Key(String name, String type) {
    }

    public record TableSpec(String where, String name, Key partitionKey, Key sortKey, String streamView,
                            List<IndexSpec> globalSecondaryIndexes) {
    }

    public record IndexSpec(String name, Key partitionKey, Key sortKey, String projection, List<String> nonKeyAttributes) {
    }

    public record FunctionSpec(String where, String name, Path code, String runtime, String handler, String role,
                               String description, Integer timeout, Integer memorySize, Map<String, String> environment) {
    }

    /** Exactly one of table (its latest stream), queue (a name) or eventSourceArn is set. */
    public record MappingSpec(String where, String function, String table, String queue, String eventSourceArn,
                              String startingPosition, Integer batchSize, Integer maximumBatchingWindowInSeconds,
                              Boolean enabled, List<String> functionResponseTypes) {
    }

    public record BucketSpec(String where, String name, List<NotificationSpec> notifications) {
    }

    /** Exactly one of function, queue or topic (a name of this account or an ARN) is set. */
    public record NotificationSpec(String where, String id, String function, String queue, String topic,
                                   List<String> events, String prefix, String suffix) {
    }

    /** Reads and checks the file; code paths are resolved against the file's folder. */
    public static InitFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InitFileException("init file " + file + ": cannot be read: " + e);
        }
        Path folder = file.toAbsolutePath().getParent();
        return parse(file, text, folder);
    }

    public static InitFile parse(Path source, String text, Path folder) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InitFileException("init file " + source + ": not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        InitEntry file = InitEntry.root(source, root, Set.of("description", "queues", "topics", "tables", "functions",
                "eventSourceMappings", "buckets"));
        file.optionalText("description");
        List<QueueSpec> queues = new ArrayList<>();
        for (InitEntry e : file.entries("queues", Set.of("name", "attributes"))) {
            queues.add(new QueueSpec(e.where(), e.name(), e.stringMap("attributes")));
        }
        List<TopicSpec> topics = new ArrayList<>();
        for (InitEntry e : file.entries("topics", Set.of("name", "attributes", "subscriptions"))) {
            List<SubscriptionSpec> subscriptions = new ArrayList<>();
            for (InitEntry s : e.entries("subscriptions", Set.of("protocol", "endpoint", "attributes", "confirm"))) {
                String protocol = s.requiredText("protocol");
                Boolean confirm = s.bool("confirm");
                if (confirm != null && !protocol.startsWith("email")) {
                    throw s.error("\"confirm\" applies only to email and email-json subscriptions");
                }
                subscriptions.add(new SubscriptionSpec(s.where(), protocol, s.requiredText("endpoint"), s.stringMap("attributes"),
                        Boolean.TRUE.equals(confirm)));
            }
            topics.add(new TopicSpec(e.where(), e.name(), e.stringMap("attributes"), subscriptions));
        }
        List<TableSpec> tables = new ArrayList<>();
        for (InitEntry e : file.entries("tables", Set.of("name", "partitionKey", "sortKey", "stream", "globalSecondaryIndexes"))) {
            List<IndexSpec> indexes = new ArrayList<>();
            for (InitEntry i : e.entries("globalSecondaryIndexes", Set.of("name", "partitionKey", "sortKey", "projection", "nonKeyAttributes"))) {
                String projection = i.optionalText("projection");
                indexes.add(new IndexSpec(i.name(), key(i, "partitionKey", true), key(i, "sortKey", false),
                        projection == null ? "ALL" : i.oneOf("projection", projection, PROJECTIONS), i.strings("nonKeyAttributes")));
            }
            String stream = e.optionalText("stream");
            tables.add(new TableSpec(e.where(), e.name(), key(e, "partitionKey", true), key(e, "sortKey", false),
                    stream == null ? null : e.oneOf("stream", stream, STREAM_VIEWS), indexes));
        }
        List<FunctionSpec> functions = new ArrayList<>();
        for (InitEntry e : file.entries("functions", Set.of("name", "code", "runtime", "handler", "role", "description",
                "timeout", "memorySize", "environment"))) {
            String runtime = e.optionalText("runtime");
            functions.add(new FunctionSpec(e.where(), e.name(), code(e, folder), runtime == null ? "java17" : runtime,
                    e.requiredText("handler"), e.optionalText("role"), e.optionalText("description"), e.integer("timeout"),
                    e.integer("memorySize"), e.stringMap("environment")));
        }
        List<MappingSpec> mappings = new ArrayList<>();
        for (InitEntry e : file.entries("eventSourceMappings", Set.of("function", "table", "queue", "eventSourceArn",
                "startingPosition", "batchSize", "maximumBatchingWindowInSeconds", "enabled", "functionResponseTypes"))) {
            e.exactlyOne("table", "queue", "eventSourceArn");
            String position = e.optionalText("startingPosition");
            if (position != null) {
                e.oneOf("startingPosition", position, POSITIONS);
            } else if (e.optionalText("table") != null) {
                position = "TRIM_HORIZON";
            }
            mappings.add(new MappingSpec(e.where(), e.requiredText("function"), e.optionalText("table"), e.optionalText("queue"),
                    e.optionalText("eventSourceArn"), position, e.integer("batchSize"), e.integer("maximumBatchingWindowInSeconds"),
                    e.bool("enabled"), e.strings("functionResponseTypes")));
        }
        List<BucketSpec> buckets = new ArrayList<>();
        for (InitEntry e : file.entries("buckets", Set.of("name", "notifications"))) {
            List<NotificationSpec> notifications = new ArrayList<>();
            for (InitEntry n : e.entries("notifications", Set.of("id", "function", "queue", "topic", "events", "prefix", "suffix"))) {
                n.exactlyOne("function", "queue", "topic");
                List<String> events = n.strings("events");
                notifications.add(new NotificationSpec(n.where(), n.optionalText("id"), n.optionalText("function"), n.optionalText("queue"),
                        n.optionalText("topic"), events.isEmpty() ? List.of("s3:ObjectCreated:*") : events,
                        n.optionalText("prefix"), n.optionalText("suffix")));
            }
            buckets.add(new BucketSpec(e.where(), e.name(), notifications));
        }
        unique(queues.stream().map(QueueSpec::name).toList(), source, "queues");
        unique(topics.stream().map(TopicSpec::name).toList(), source, "topics");
        unique(tables.stream().map(TableSpec::name).toList(), source, "tables");
        unique(functions.stream().map(FunctionSpec::name).toList(), source, "functions");
        unique(buckets.stream().map(BucketSpec::name).toList(), source, "buckets");
        return new InitFile(source, queues, topics, tables, functions, mappings, buckets);
    }

    /** A key attribute: {@code "Name"} (a string) or {@code {"name": "Year", "type": "N"}}. */
    private static Key key(InitEntry entry, String field, boolean required) {
        JsonNode node = entry.node().get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw entry.error("\"" + field + "\" is required");
            }
            return null;
        }
        if (node.isTextual() && !node.asText().isEmpty()) {
            return new Key(node.asText(), "S");
        }
        if (node.isObject()) {
            InitEntry key = entry.child(field, node, Set.of("name", "type"));
            String type = key.optionalText("type");
            return new Key(key.requiredText("name"), type == null ? "S" : key.oneOf("type", type, KEY_TYPES));
        }
        throw entry.error("\"" + field + "\" must be an attribute name or {\"name\": ..., \"type\": \"S\"|\"N\"|\"B\"}");
    }

    private static Path code(InitEntry entry, Path folder) {
        String text = entry.requiredText("code");
        Path code = folder.resolve(text).normalize();
        if (!Files.isRegularFile(code)) {
            throw entry.error("\"code\" " + text + " is not a file (resolved against the init file's folder: " + code + ")");
        }
        try {
            if (Files.size(code) > MAX_CODE_BYTES) {
                throw entry.error("\"code\" " + code + " is larger than " + MAX_CODE_BYTES + " bytes");
            }
        } catch (IOException e) {
            throw entry.error("\"code\" " + code + " cannot be read: " + e);
        }
        return code;
    }

    private static void unique(List<String> names, Path source, String section) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new InitFileException("init file " + source + ": " + section + ": \"" + name + "\" appears twice");
            }
        }
    }
}
