package dev.cloudjar.services.sns;

import dev.cloudjar.core.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account's SMS preferences (SetSMSAttributes / GetSMSAttributes) per account and region.
 * Nobody can answer STOP to a local number, so the opt-out list stays empty: every number checks
 * as opted in and OptInPhoneNumber has nothing to undo.
 */
final class SmsSettings {
    private final Map<String, Map<String, String>> byScope = new ConcurrentHashMap<>();

    void set(Scope scope, Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            throw SnsErrors.invalidParameter("Invalid parameter: attributes");
        }
        byScope.computeIfAbsent(key(scope), k -> new TreeMap<>()).putAll(attributes);
    }

    /** The attributes set so far, all of them or only the names asked for. */
    Map<String, String> get(Scope scope, List<String> names) {
        Map<String, String> set = byScope.getOrDefault(key(scope), Map.of());
        Map<String, String> out = new LinkedHashMap<>();
        set.forEach((k, v) -> {
            if (names == null || names.isEmpty() || names.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    static void checkPhoneNumber(String phoneNumber) {
        if (phoneNumber == null || phoneNumber.isEmpty()) {
            throw SnsErrors.invalidParameter("Invalid parameter: PhoneNumber Reason: no value for required parameter");
        }
        if (!PublishRules.isPhoneNumber(phoneNumber)) {
            throw SnsErrors.invalidParameter("Invalid parameter: PhoneNumber Reason: input incorrectly formatted");
        }
    }

    void clear() {
        byScope.clear();
    }

    private static String key(Scope scope) {
        return scope.account() + "/" + scope.region();
    }
}
