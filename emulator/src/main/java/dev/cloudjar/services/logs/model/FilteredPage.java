package dev.cloudjar.services.logs.model;

import java.util.List;

/** FilterLogEvents' answer: matching events in time order, the streams searched, and the token for more. */
public record FilteredPage(List<OutputEvent> events, List<String> searchedLogStreams, String nextToken) {
}
