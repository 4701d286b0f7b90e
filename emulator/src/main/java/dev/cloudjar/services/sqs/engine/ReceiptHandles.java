package dev.cloudjar.services.sqs.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Receipt handles: opaque to callers, they carry the queue name, the message's sequence and the
 * nonce of the receive that issued them, so that each receive yields a new handle and an old one is
 * recognised as old.
 */
final class ReceiptHandles {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    record Handle(String queueName, long sequence, String nonce) {
    }

    private ReceiptHandles() {
    }

    static String encode(String queueName, long sequence, String nonce) {
        String raw = sequence + ":" + nonce + ":" + queueName;
        return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a handle issued for {@code queueName}, or throws ReceiptHandleIsInvalid. */
    static Handle decode(String queueName, String handle) {
        if (handle == null || handle.isEmpty() || handle.length() > 1024) {
            throw SqsErrors.receiptHandleIsInvalid(handle == null ? "" : handle);
        }
        try {
            String raw = new String(DECODER.decode(handle), StandardCharsets.UTF_8);
            int first = raw.indexOf(':');
            int second = raw.indexOf(':', first + 1);
            if (first > 0 && second > first && raw.substring(second + 1).equals(queueName)) {
                return new Handle(queueName, Long.parseLong(raw.substring(0, first)), raw.substring(first + 1, second));
            }
        } catch (IllegalArgumentException e) {
            // not one of ours: AWS's error below
        }
        throw SqsErrors.receiptHandleIsInvalid(handle);
    }
}
