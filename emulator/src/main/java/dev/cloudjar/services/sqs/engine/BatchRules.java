package dev.cloudjar.services.sqs.engine;

import dev.cloudjar.core.AwsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Whole-request checks every SQS batch call makes, and the per-entry loop that turns errors into Failed entries. */
public final class BatchRules {
    private BatchRules() {
    }

    public static void check(List<? extends BatchResult.Entry<?>> entries, String entryName) {
        if (entries == null || entries.isEmpty()) {
            throw SqsErrors.emptyBatchRequest(entryName);
        }
        if (entries.size() > 10) {
            throw SqsErrors.tooManyEntriesInBatchRequest(entries.size());
        }
        Set<String> seen = new HashSet<>();
        for (BatchResult.Entry<?> e : entries) {
            if (!validId(e.id())) {
                throw SqsErrors.invalidBatchEntryId();
            }
            if (!seen.add(e.id())) {
                throw SqsErrors.batchEntryIdsNotDistinct(e.id());
            }
        }
    }

    /** Runs {@code action} per entry; an AwsException becomes that entry's Failed record. */
    public static <I, O> BatchResult<O> each(List<BatchResult.Entry<I>> entries, Function<I, O> action) {
        List<BatchResult.Success<O>> ok = new ArrayList<>(entries.size());
        List<BatchResult.Failure> failed = new ArrayList<>(0);
        for (BatchResult.Entry<I> e : entries) {
            try {
                ok.add(new BatchResult.Success<>(e.id(), action.apply(e.value())));
            } catch (AwsException error) {
                failed.add(new BatchResult.Failure(e.id(), error.senderFault(), SqsErrors.batchCode(error), error.getMessage()));
            }
        }
        return new BatchResult<>(ok, failed);
    }

    /** Bytes a batch entry counts towards the 1 MiB batch limit: body plus attributes. */
    public static long size(SendRequest request) {
        long size = MessageAttribute.utf8Length(request.body());
        if (request.attributes() != null) {
            for (Map.Entry<String, MessageAttribute> a : request.attributes().entrySet()) {
                size += a.getValue().size(a.getKey());
            }
        }
        return size;
    }

    private static boolean validId(String id) {
        if (id == null || id.isEmpty() || id.length() > 80) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
