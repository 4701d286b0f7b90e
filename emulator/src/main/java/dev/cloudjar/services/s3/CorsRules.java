package dev.cloudjar.services.s3;

import dev.cloudjar.services.s3.model.CorsRule;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Validates CORS configurations and finds the rule that allows a (preflight) request. */
final class CorsRules {
    private static final Set<String> METHODS = Set.of("GET", "PUT", "HEAD", "POST", "DELETE");

    private CorsRules() {
    }

    static void validate(List<CorsRule> rules) {
        if (rules == null || rules.isEmpty() || rules.size() > 100) {
            throw S3Errors.malformedXml();
        }
        for (CorsRule rule : rules) {
            if (rule.allowedMethods().isEmpty() || rule.allowedOrigins().isEmpty()) {
                throw S3Errors.malformedXml();
            }
            for (String method : rule.allowedMethods()) {
                if (!METHODS.contains(method)) {
                    throw S3Errors.invalidRequest("Found unsupported HTTP method in CORS config. Unsupported method is " + method);
                }
            }
            for (String origin : rule.allowedOrigins()) {
                if (origin.indexOf('*') != origin.lastIndexOf('*')) {
                    throw S3Errors.invalidRequest("AllowedOrigin \"" + origin + "\" can not have more than one wildcard.");
                }
            }
        }
    }

    /** The first rule allowing the origin, method and every requested header; null when none does. */
    static CorsRule match(List<CorsRule> rules, String origin, String method, List<String> requestHeaders) {
        if (rules == null) {
            return null;
        }
        for (CorsRule rule : rules) {
            if (!rule.allowedMethods().contains(method)) {
                continue;
            }
            if (rule.allowedOrigins().stream().noneMatch(pattern -> wildcard(pattern, origin, false))) {
                continue;
            }
            boolean headersOk = true;
            for (String header : requestHeaders) {
                if (rule.allowedHeaders().stream().noneMatch(pattern -> wildcard(pattern, header, true))) {
                    headersOk = false;
                    break;
                }
            }
            if (headersOk) {
                return rule;
            }
        }
        return null;
    }

    /** Matches text against a pattern with at most one '*'. */
    static boolean wildcard(String pattern, String text, boolean ignoreCase) {
        if (ignoreCase) {
            pattern = pattern.toLowerCase(Locale.ROOT);
            text = text.toLowerCase(Locale.ROOT);
        }
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(text);
        }
        String head = pattern.substring(0, star);
        String tail = pattern.substring(star + 1);
        return text.length() >= head.length() + tail.length() && text.startsWith(head) && text.endsWith(tail);
    }
}
