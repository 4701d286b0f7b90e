package dev.cloudjar.protocol.auth;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.Headers;
import dev.cloudjar.protocol.Protocol;
import java.util.List;
import java.util.Map;

/**
 * Reads who signed a request and for which region and service, from a SigV4 Authorization header,
 * a SigV4 presigned query, or SigV2 forms. Signatures are not verified: CloudJar accepts any
 * credentials, and the scope only decides account and region.
 */
public final class SignatureParser {
    private SignatureParser() {
    }

    /** The credential, or null for an anonymous request. */
    public static Credential parse(Headers headers, Map<String, List<String>> query) {
        String authorization = headers.get("Authorization");
        if (authorization != null) {
            if (authorization.startsWith("AWS4-")) {
                Credential c = fromScope(valueOf(authorization, "Credential="), Credential.SignatureKind.SIGV4_HEADER);
                if (c != null) {
                    return c;
                }
            } else if (authorization.startsWith("AWS ")) {
                String rest = authorization.substring(4);
                int colon = rest.indexOf(':');
                return new Credential(colon < 0 ? rest : rest.substring(0, colon), null, null, null, Credential.SignatureKind.SIGV2_HEADER);
            }
        }
        String scope = first(query, "X-Amz-Credential");
        if (scope != null) {
            return fromScope(scope, Credential.SignatureKind.SIGV4_QUERY);
        }
        String v2Key = first(query, "AWSAccessKeyId");
        if (v2Key != null) {
            return new Credential(v2Key, null, null, null, Credential.SignatureKind.SIGV2_QUERY);
        }
        return null;
    }

    private static Credential fromScope(String scope, Credential.SignatureKind kind) {
        if (scope == null) {
            return null;
        }
        String[] parts = scope.split("/", -1);
        if (parts.length != 5 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty() || parts[3].isEmpty()
                || !parts[4].equals("aws4_request")) {
            return new Credential(parts[0], null, null, null, kind);
        }
        return new Credential(parts[0], parts[1], parts[2], parts[3], kind);
    }

    /**
     * AWS's answer to a SigV4 credential scope that is not {@code AKID/date/region/service/aws4_request},
     * in the addressed protocol's terms; null when the credential is well formed.
     */
    public static AwsException malformed(Credential credential, Protocol protocol) {
        if (credential == null || credential.date() != null
                || (credential.kind() != Credential.SignatureKind.SIGV4_HEADER && credential.kind() != Credential.SignatureKind.SIGV4_QUERY)) {
            return null;
        }
        String expecting = "the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".";
        if (protocol == Protocol.REST_XML) {
            return credential.kind() == Credential.SignatureKind.SIGV4_QUERY
                    ? new AwsException(400, "AuthorizationQueryParametersError", "Error parsing the X-Amz-Credential parameter; " + expecting)
                    : new AwsException(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; " + expecting);
        }
        String code = protocol == Protocol.QUERY ? "IncompleteSignature" : "IncompleteSignatureException";
        return new AwsException(400, code, "Authorization header is malformed: " + expecting);
    }

    /** One {@code Key=value} field of an Authorization header ({@code Credential=}, {@code SignedHeaders=}, {@code Signature=}), or null. */
    public static String valueOf(String header, String key) {
        if (header == null) {
            return null;
        }
        int start = header.indexOf(key);
        if (start < 0) {
            return null;
        }
        start += key.length();
        int end = start;
        while (end < header.length() && header.charAt(end) != ',' && header.charAt(end) != ' ') {
            end++;
        }
        return header.substring(start, end);
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
