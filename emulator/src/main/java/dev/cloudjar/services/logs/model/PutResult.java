package dev.cloudjar.services.logs.model;

/** What PutLogEvents answers: the (ignored) next token and the indexes of events refused for their time. */
public record PutResult(String nextSequenceToken, Integer tooNewLogEventStartIndex, Integer tooOldLogEventEndIndex,
                        Integer expiredLogEventEndIndex) {
    public boolean anyRejected() {
        return tooNewLogEventStartIndex != null || tooOldLogEventEndIndex != null || expiredLogEventEndIndex != null;
    }
}
