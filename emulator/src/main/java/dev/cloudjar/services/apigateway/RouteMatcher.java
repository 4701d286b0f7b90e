package dev.cloudjar.services.apigateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Path templates as API Gateway matches them: literal segments, {@code {name}} for one segment and a
 * trailing {@code {name+}} for one or more. When several templates match, the most specific wins:
 * segment by segment, a literal beats a variable and a variable beats a greedy variable.
 */
public final class RouteMatcher {
    private RouteMatcher() {
    }

    /** The segments of a decoded request path; empty segments (doubled or trailing slashes) are dropped. */
    public static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    /** The path parameters when the template matches, else null; a match without variables gives an empty map. */
    public static Map<String, String> match(String template, List<String> path) {
        List<String> parts = segments(template);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean variable = part.startsWith("{") && part.endsWith("}");
            if (variable && part.endsWith("+}")) {
                if (i != parts.size() - 1 || path.size() <= i) {
                    return null;
                }
                params.put(part.substring(1, part.length() - 2), String.join("/", path.subList(i, path.size())));
                return params;
            }
            if (i >= path.size()) {
                return null;
            }
            if (variable) {
                params.put(part.substring(1, part.length() - 1), path.get(i));
            } else if (!part.equals(path.get(i))) {
                return null;
            }
        }
        return parts.size() == path.size() ? params : null;
    }

    /** A key that sorts more specific templates higher: one letter per segment, c literal, b variable, a greedy. */
    public static String specificity(String template) {
        StringBuilder key = new StringBuilder();
        for (String part : segments(template)) {
            key.append(part.endsWith("+}") ? 'a' : part.startsWith("{") ? 'b' : 'c');
        }
        return key.toString();
    }
}
