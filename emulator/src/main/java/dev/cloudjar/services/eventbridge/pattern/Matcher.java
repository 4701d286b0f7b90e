package dev.cloudjar.services.eventbridge.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** One element of a pattern's value array: matches one scalar of the event (never an array or object). */
sealed interface Matcher {
    boolean matches(JsonNode value);

    /** A literal: strings match equal strings, numbers equal numbers (5 matches 5.0), true/false/null themselves. */
    record Exact(JsonNode expected) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            if (expected.isNumber()) {
                return value.isNumber() && value.decimalValue().compareTo(expected.decimalValue()) == 0;
            }
            return expected.equals(value);
        }
    }

    record Prefix(String prefix, boolean ignoreCase) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            return value.isTextual() && value.asText().regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
        }
    }

    record Suffix(String suffix, boolean ignoreCase) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            String text = value.asText();
            return value.isTextual() && text.length() >= suffix.length()
                    && text.regionMatches(ignoreCase, text.length() - suffix.length(), suffix, 0, suffix.length());
        }
    }

    record EqualsIgnoreCase(String expected) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            return value.isTextual() && value.asText().toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
        }
    }

    /** {@code *} matches any run of characters; {@code \*} a literal star. */
    record Wildcard(String pattern) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            return value.isTextual() && glob(pattern, 0, value.asText(), 0);
        }

        private static boolean glob(String p, int pi, String s, int si) {
            while (pi < p.length()) {
                char c = p.charAt(pi);
                if (c == '*') {
                    for (int k = si; k <= s.length(); k++) {
                        if (glob(p, pi + 1, s, k)) {
                            return true;
                        }
                    }
                    return false;
                }
                if (c == '\\' && pi + 1 < p.length()) {
                    c = p.charAt(++pi);
                }
                if (si >= s.length() || s.charAt(si) != c) {
                    return false;
                }
                pi++;
                si++;
            }
            return si == s.length();
        }
    }

    /** Matches what none of its inner matchers match; like AWS, only strings and numbers. */
    record AnythingBut(List<Matcher> excluded) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            if (!value.isTextual() && !value.isNumber()) {
                return false;
            }
            for (Matcher m : excluded) {
                if (m.matches(value)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code [">", 0, "<=", 5]}: every comparison holds; only numbers. */
    record Numeric(List<String> operators, List<BigDecimal> operands) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            if (!value.isNumber()) {
                return false;
            }
            BigDecimal v = value.decimalValue();
            for (int i = 0; i < operators.size(); i++) {
                int c = v.compareTo(operands.get(i));
                boolean ok = switch (operators.get(i)) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case "=" -> c == 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code {"exists": true}} matches any present value; {@code false} is handled by the caller (absence). */
    record Exists(boolean present) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            return present;
        }
    }

    /** An IPv4 or IPv6 address inside a CIDR block. */
    record Cidr(byte[] network, int prefixBits) implements Matcher {
        @Override
        public boolean matches(JsonNode value) {
            if (!value.isTextual()) {
                return false;
            }
            byte[] address = IpAddresses.parseOrNull(value.asText());
            if (address == null || address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
