package dev.cloudjar.services.eventbridge.model;

import java.time.Instant;
import java.util.List;

/** One PutEvents entry as sent; {@code time} null means "now". */
public record PutEventsEntry(String source, String detailType, String detail, List<String> resources,
                             String eventBusName, Instant time) {
}
