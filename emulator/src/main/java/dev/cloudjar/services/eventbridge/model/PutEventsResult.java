package dev.cloudjar.services.eventbridge.model;

/** One PutEvents result entry: an event id, or an error code and message. */
public record PutEventsResult(String eventId, String errorCode, String errorMessage) {
}
