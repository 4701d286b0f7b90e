package dev.cloudjar.services.logs.model;

/** An event as GetLogEvents and FilterLogEvents return it ({@code logStreamName} and {@code eventId} only from the latter). */
public record OutputEvent(String logStreamName, long timestamp, String message, long ingestionTime, String eventId) {
}
