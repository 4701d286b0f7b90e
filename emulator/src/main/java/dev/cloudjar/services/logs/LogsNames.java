package dev.cloudjar.services.logs;

import dev.cloudjar.core.Scope;
import java.util.regex.Pattern;

/**
 * Names, keys and ARNs. Neither group nor stream names may contain ':', so keys join them with ':'
 * and a key prefix never mixes up two groups or two streams. Event keys end with a 56-digit position
 * (timestamp, then the group's ingestion sequence), which is also the event's eventId and what the
 * GetLogEvents tokens carry.
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

    static String position(long timestamp, long sequence) {
        return String.format("%020d%036d", Math.max(0, timestamp), sequence);
    }

    static long timestampOf(String position) {
        return Long.parseLong(position.substring(0, 20));
    }

    static String groupArn(Scope scope, String group) {
        return "arn:aws:logs:" + scope.region() + ":" + scope.account() + ":log-group:" + group;
    }

    static String streamArn(Scope scope, String group, String stream) {
        return groupArn(scope, group) + ":log-stream:" + stream;
    }
}
