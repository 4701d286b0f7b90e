package dev.cloudjar.services.s3.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * User metadata values as S3 answers them: values that are not header-safe US-ASCII come back as one RFC 2047
 * encoded word, Q-encoded when most of the text is ASCII and B-encoded otherwise (recorded against S3:
 * {@code ÄMÄZÕÑ S3} is {@code =?UTF-8?Q?=C3=84M=C3=84Z=C3=95=C3=91_S3?=}, bytes 0-4 are {@code =?UTF-8?B?AAECAwQ=?=}),
 * and values that already look encoded come back unchanged, so they are stored as sent.
 */
final class MetadataText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private MetadataText() {
    }

    /** The stored form of a header value: raw UTF-8 bytes that arrived read as Latin-1 restored. */
    static String decode(String value) {
        return value == null ? null : utf8FromLatin1(value);
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

    private static boolean unsafe(char c) {
        return c >= 0x7F || (c < 0x20 && c != '\t');
    }

    /** The answered form: header-safe US-ASCII as it is, anything else as one encoded word. */
    static String encode(String value) {
        int unsafe = 0;
        for (int i = 0; i < value.length(); i++) {
            if (unsafe(value.charAt(i))) {
                unsafe++;
            }
        }
        if (unsafe == 0) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (unsafe > value.length() - unsafe) {
            return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(bytes) + "?=";
        }
        StringBuilder out = new StringBuilder(bytes.length * 2).append("=?UTF-8?Q?");
        for (byte b : bytes) {
            int u = b & 0xFF;
            if (u == ' ') {
                out.append('_');
            } else if (u < 0x20 || u >= 0x7F || u == '=' || u == '?' || u == '_') {
                out.append('=').append(HEX[u >> 4]).append(HEX[u & 0xF]);
            } else {
                out.append((char) u);
            }
        }
        return out.append("?=").toString();
    }
}
