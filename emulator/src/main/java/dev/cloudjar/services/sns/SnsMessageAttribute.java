package dev.cloudjar.services.sns;

import java.util.Base64;

/**
 * A message attribute as published: {@code DataType} (String, Number, Binary, String.Array or a
 * custom {@code Type.suffix}) and its string or binary value.
 */
public record SnsMessageAttribute(String dataType, String stringValue, byte[] binaryValue) {
    public boolean isBinary() {
        return dataType != null && dataType.startsWith("Binary");
    }

    /** The value as SNS shows it in JSON envelopes: base64 for binary values. */
    public String displayValue() {
        if (isBinary()) {
            return binaryValue == null ? "" : Base64.getEncoder().encodeToString(binaryValue);
        }
        return stringValue;
    }
}
