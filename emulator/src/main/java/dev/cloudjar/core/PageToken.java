package dev.cloudjar.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque pagination tokens: the position is carried, encoded so that callers treat it as opaque. */
public final class PageToken {
    private PageToken() {
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a token, or returns {@code null} when it was not made by {@link #encode}. */
    public static String decodeOrNull(String token) {
        if (token == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
