package dev.cloudjar.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code a=1&b&c=x%20y} query strings and form bodies ('+' is a space in both). */
public final class QueryString {
    private QueryString() {
    }

    public static Map<String, List<String>> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        int start = 0;
        int n = raw.length();
        while (start <= n) {
            int amp = raw.indexOf('&', start);
            if (amp < 0) {
                amp = n;
            }
            if (amp > start) {
                String pair = raw.substring(start, amp);
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
                result.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            }
            start = amp + 1;
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * Percent-decodes text as UTF-8; with {@code plusIsSpace} a '+' becomes a space (forms, query
     * strings), without it '+' stays (URL paths: S3 keys). Malformed escapes are kept literally.
     */
    public static String decode(String s, boolean plusIsSpace) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '%' || (plusIsSpace && c == '+')) {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        byte[] out = new byte[n * 3];
        int len = 0;
        for (int j = 0; j < n; j++) {
            char c = s.charAt(j);
            if (c == '%' && j + 2 < n + 0 && j + 2 <= n - 1 && hex(s.charAt(j + 1)) >= 0 && hex(s.charAt(j + 2)) >= 0) {
                out[len++] = (byte) (hex(s.charAt(j + 1)) * 16 + hex(s.charAt(j + 2)));
                j += 2;
            } else if (c == '+' && plusIsSpace) {
                out[len++] = ' ';
            } else {
                byte[] enc = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && j + 1 < n) {
                    enc = s.substring(j, j + 2).getBytes(StandardCharsets.UTF_8);
                    j++;
                }
                System.arraycopy(enc, 0, out, len, enc.length);
                len += enc.length;
            }
        }
        return new String(out, 0, len, StandardCharsets.UTF_8);
    }

    /** Percent-encodes as AWS SigV4 does (unreserved A-Z a-z 0-9 - _ . ~ kept; '/' kept if asked). */
    public static String encode(String s, boolean keepSlash) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
