package dev.cloudjar.services.logs.model;

import java.util.List;

/** GetLogEvents' answer: events oldest first and the forward and backward tokens. */
public record EventPage(List<OutputEvent> events, String nextForwardToken, String nextBackwardToken) {
}
