package dev.cloudjar.services.logs.model;

/** An event a caller puts: when it happened (epoch millis) and its message. */
public record InputEvent(Long timestamp, String message) {
}
