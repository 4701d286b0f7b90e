package dev.cloudjar.integration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.events.S3ObjectEvent;
import dev.cloudjar.services.eventbridge.EventBridgeBackend;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.model.NotificationConfiguration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets whose notification configuration has {@code EventBridgeConfiguration} send every object
 * event to the default event bus of their account and region, as S3 does: source {@code aws.s3},
 * detail-type "Object Created", "Object Deleted", "Object Restore Initiated" or "Object Restore
 * Completed", the bucket's ARN as resource, and AWS's detail (the key as stored, not URL-encoded;
 * {@code etag}, {@code size} not on removals; the API call as {@code reason} of creations and removals).
 * LIMITATIONS: restore details carry no {@code source-storage-class} or {@code restore-expiry-time}.
 */
public final class S3ToEventBridge {
    private static final Logger LOG = LoggerFactory.getLogger(S3ToEventBridge.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Supplier<S3Backend> s3;
    private final Supplier<EventBridgeBackend> events;

    public S3ToEventBridge(Supplier<S3Backend> s3, Supplier<EventBridgeBackend> events) {
        this.s3 = s3;
        this.events = events;
    }

    public void subscribe(EventBus bus) {
        bus.subscribe(S3ObjectEvent.class, this::onObjectEvent);
    }

    void onObjectEvent(S3ObjectEvent event) {
        NotificationConfiguration config = s3.get().notificationConfiguration(event.scope(), event.bucket());
        if (config == null || !config.eventBridgeEnabled()) {
            return;
        }
        boolean created = event.eventName().startsWith("ObjectCreated:");
        try {
            events.get().putAwsServiceEvent(event.scope(), "aws.s3", detailType(event.eventName()),
                    List.of("arn:aws:s3:::" + event.bucket()), detail(event, created).toString(), event.eventTime());
        } catch (RuntimeException e) {
            LOG.warn("S3 event for s3://{}/{} did not reach EventBridge: {}", event.bucket(), event.key(), e.getMessage());
        }
    }

    static ObjectNode detail(S3ObjectEvent event, boolean created) {
        ObjectNode detail = NODES.objectNode();
        detail.put("version", "0");
        detail.putObject("bucket").put("name", event.bucket());
        ObjectNode object = detail.putObject("object");
        object.put("key", event.key());
        if (event.size() != null) {
            object.put("size", event.size());
        }
        if (event.eTag() != null) {
            object.put("etag", event.eTag());
        }
        if (event.versionId() != null) {
            object.put("version-id", event.versionId());
        }
        object.put("sequencer", event.sequencer());
        detail.put("request-id", event.requestId() == null ? "" : event.requestId());
        detail.put("requester", event.scope().account());
        detail.put("source-ip-address", event.sourceIp() == null ? "127.0.0.1" : event.sourceIp());
        if (event.eventName().startsWith("ObjectRestore:")) {
            return detail;
        }
        detail.put("reason", reason(event.eventName()));
        if (!created) {
            detail.put("deletion-type", event.eventName().endsWith("DeleteMarkerCreated") ? "Delete Marker Created" : "Permanently Deleted");
        }
        return detail;
    }

    private static String detailType(String eventName) {
        if (eventName.startsWith("ObjectCreated:")) {
            return "Object Created";
        }
        return switch (eventName) {
            case "ObjectRestore:Post" -> "Object Restore Initiated";
            case "ObjectRestore:Completed" -> "Object Restore Completed";
            default -> "Object Deleted";
        };
    }

    private static String reason(String eventName) {
        return switch (eventName) {
            case "ObjectCreated:Copy" -> "CopyObject";
            case "ObjectCreated:CompleteMultipartUpload" -> "CompleteMultipartUpload";
            case "ObjectCreated:Post" -> "POST Object";
            case "ObjectCreated:Put" -> "PutObject";
            case "LifecycleExpiration:Delete", "LifecycleExpiration:DeleteMarkerCreated" -> "Lifecycle Expiration";
            default -> "DeleteObject";
        };
    }
}
