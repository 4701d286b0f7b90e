package dev.cloudjar.services.s3.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User metadata values as S3 treats them: RFC 2047 encoded words are decoded before storing, and values
 * that are not US-ASCII are answered as RFC 2047 {@code =?UTF-8?B?...?=} so they stay header-safe.
 */
final class MetadataText {
    private static final Pattern WORD = Pattern.compile("=\\?([A-Za-z0-9_-]+)\\?([BbQq])\\?([^?]*)\\?=");

    private MetadataText() {
    }

    /** The stored form of a header value: encoded words decoded; raw UTF-8 bytes read as Latin-1 restored. */
    static String decode(String value) {
        if (value == null) {
            return null;
        }
        String text = utf8FromLatin1(value);
        if (!text.contains("=?")) {
            return text;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String charset = m.group(1);
            if (!"UTF-8".equalsIgnoreCase(charset) && !"ISO-8859-1".equalsIgnoreCase(charset) && !"US-ASCII".equalsIgnoreCase(charset)) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = "Bb".contains(m.group(2)) ? Base64.getDecoder().decode(m.group(3)) : quoted(m.group(3));
            } catch (IllegalArgumentException e) {
                continue;
            }
            String between = text.substring(last, m.start());
            out.append(last > 0 && between.isBlank() ? "" : between);
            out.append(new String(bytes, "UTF-8".equalsIgnoreCase(charset) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }

    private static byte[] quoted(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** HTTP header bytes arrive as Latin-1 characters; when they spell valid UTF-8, that is what the client sent. */
    private static String utf8FromLatin1(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }

    /** The answered form: US-ASCII values as they are, others as one RFC 2047 B-encoded word. */
    static String encode(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || (c < 0x20 && c != '\t')) {
                return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
            }
        }
        return value;
    }
}
