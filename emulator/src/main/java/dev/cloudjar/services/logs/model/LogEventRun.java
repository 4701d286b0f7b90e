package dev.cloudjar.services.logs.model;

import java.util.List;

/**
 * Events one PutLogEvents stored together, in position order: the key holds the first event's
 * position, and the others follow it in the group's ingestion sequence, one apart.
 */
public record LogEventRun(long ingestionTime, List<Line> events) {
    public record Line(long timestamp, String message) {
    }
}
