package dev.cloudjar.services.logs;

import dev.cloudjar.core.Scope;
import java.util.regex.Pattern;

/**
 * Names, keys and ARNs. Neither group nor stream names may contain ':', so keys join them with ':'
 * and a key prefix never mixes up two groups or two streams. An event's key is its stream's short id
 * and its position: timestamp and the group's ingestion sequence, fixed-width hex so that keys sort
 * in time order and stay short (a MapDB insert costs about twice as much with 150-character keys).
 * Outside, a position is 56 digits, as AWS's eventIds and GetLogEvents tokens are.
 */
final class LogsNames {
    static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    private static final int MAX_NAME = 512;

    private LogsNames() {
    }

    static void checkGroupName(String name, String member) {
        checkName(name, member, GROUP_NAME.matcher(name == null ? "" : name).matches(), "[\\.\\-_/#A-Za-z0-9]+");
    }

    static void checkStreamName(String name, String member) {
        checkName(name, member, name == null || (name.indexOf(':') < 0 && name.indexOf('*') < 0), "[^:*]*");
    }

    private static void checkName(String name, String member, boolean matches, String pattern) {
        if (name == null) {
            throw LogsErrors.missing(member);
        }
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw LogsErrors.validation(name, member, "Member must have length " + (name.isEmpty()
                    ? "greater than or equal to 1" : "less than or equal to " + MAX_NAME));
        }
        if (!matches) {
            throw LogsErrors.validation(name, member, "Member must satisfy regular expression pattern: " + pattern);
        }
    }

    static String groupKey(Scope scope, String group) {
        return scope.account() + ":" + scope.region() + ":" + group;
    }

    static String streamKey(Scope scope, String group, String stream) {
        return groupKey(scope, group) + ":" + stream;
    }

    /** Sorts after every position. */
    static final String END = "~";
    private static final int TS_HEX = 11;
    private static final int SEQ_HEX = 12;

    static String position(long timestamp, long sequence) {
        StringBuilder out = new StringBuilder(TS_HEX + SEQ_HEX);
        hex(out, Math.max(0, Math.min(timestamp, (1L << 44) - 1)), TS_HEX);
        hex(out, sequence, SEQ_HEX);
        return out.toString();
    }

    private static void hex(StringBuilder out, long value, int width) {
        String digits = Long.toHexString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    static long sequenceOf(String position) {
        return Long.parseLong(position, TS_HEX, TS_HEX + SEQ_HEX, 16);
    }

    static long timestampOf(String position) {
        return Long.parseLong(position, 0, TS_HEX, 16);
    }

    static boolean isPosition(String text) {
        return text.length() == TS_HEX + SEQ_HEX && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /** The 56 digits AWS shows for a position (eventId, tokens). */
    static String external(String position) {
        return String.format("%020d%036d", timestampOf(position), Long.parseLong(position, TS_HEX, TS_HEX + SEQ_HEX, 16));
    }

    /** The position 56 digits name, or null when they are not one of ours. */
    static String internalOrNull(String digits) {
        if (digits.length() != 56 || !digits.chars().allMatch(Character::isDigit) || !digits.startsWith("0000000")
                || !digits.substring(20).startsWith("00000000000000000")) {
            return null;
        }
        return position(Long.parseLong(digits.substring(0, 20)), Long.parseLong(digits.substring(20)));
    }

    static String groupArn(Scope scope, String group) {
        return "arn:aws:logs:" + scope.region() + ":" + scope.account() + ":log-group:" + group;
    }

    static String streamArn(Scope scope, String group, String stream) {
        return groupArn(scope, group) + ":log-stream:" + stream;
    }
}
