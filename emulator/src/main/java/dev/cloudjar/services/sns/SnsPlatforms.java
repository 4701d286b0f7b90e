package dev.cloudjar.services.sns;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.PersistentMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mobile push: platform applications and their endpoints, stored in {@code sns.platforms} under the
 * ARN. CreatePlatformEndpoint is idempotent per token as on AWS; a publish to an endpoint goes to the
 * outbox with the payload of the application's platform (the {@code GCM}/{@code APNS}/... entry of a
 * json MessageStructure, else the default).
 */
final class SnsPlatforms {
    private static final Set<String> PLATFORMS = Set.of("ADM", "APNS", "APNS_SANDBOX", "GCM", "BAIDU", "MPNS", "WNS");

    private final ServiceContext ctx;
    private final PersistentMap<PlatformRecord> store;
    private final SnsTransports transports;

    SnsPlatforms(ServiceContext ctx, SnsTransports transports) {
        this.ctx = ctx;
        this.store = ctx.store().map("sns.platforms", PlatformRecord.class);
        this.transports = transports;
    }

    synchronized String createApplication(Scope scope, String name, String platform, Map<String, String> attributes) {
        if (name == null || name.isEmpty() || name.length() > 256 || !name.matches("[A-Za-z0-9_.-]+")) {
            throw SnsErrors.invalidParameter("Invalid parameter: Name");
        }
        if (platform == null || !PLATFORMS.contains(platform)) {
            throw SnsErrors.invalidParameter("Invalid parameter: Platform");
        }
        String arn = "arn:aws:sns:" + scope.region() + ":" + scope.account() + ":app/" + platform + "/" + name;
        store.put(arn, new PlatformRecord(arn, null, platform, new LinkedHashMap<>(attributes)));
        return arn;
    }

    Map<String, String> applicationAttributes(String arn) {
        return application(arn).attributes();
    }

    synchronized void setApplicationAttributes(String arn, Map<String, String> attributes) {
        merge(application(arn), attributes);
    }

    private void merge(PlatformRecord record, Map<String, String> attributes) {
        Map<String, String> merged = new LinkedHashMap<>(record.attributes());
        merged.putAll(attributes);
        store.put(record.arn(), new PlatformRecord(record.arn(), record.applicationArn(), record.platform(), merged));
    }

    List<String> applications(Scope scope) {
        String prefix = "arn:aws:sns:" + scope.region() + ":" + scope.account() + ":app/";
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, PlatformRecord> e : store.prefix(prefix)) {
            out.add(e.getKey());
        }
        return out;
    }

    /** Deleting a missing application succeeds, as on AWS; its endpoints go with it. */
    synchronized void deleteApplication(String arn) {
        for (PlatformRecord endpoint : endpoints(arn)) {
            store.remove(endpoint.arn());
        }
        store.remove(arn);
    }

    synchronized String createEndpoint(String applicationArn, String token, String customUserData, Map<String, String> attributes) {
        PlatformRecord app = application(applicationArn);
        if (token == null || token.isEmpty()) {
            throw SnsErrors.invalidParameter("Invalid parameter: Token Reason: cannot be empty");
        }
        Map<String, String> wanted = new LinkedHashMap<>(attributes);
        if (customUserData != null) {
            wanted.put("CustomUserData", customUserData);
        }
        for (PlatformRecord existing : endpoints(applicationArn)) {
            if (token.equals(existing.attributes().get("Token"))) {
                for (Map.Entry<String, String> e : wanted.entrySet()) {
                    if (!e.getValue().equals(existing.attributes().get(e.getKey()))) {
                        throw SnsErrors.invalidParameter("Invalid parameter: Token Reason: Endpoint " + existing.arn()
                                + " already exists with the same Token, but different attributes.");
                    }
                }
                return existing.arn();
            }
        }
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put("Enabled", "true");
        stored.putAll(wanted);
        stored.put("Token", token);
        String name = applicationArn.substring(applicationArn.lastIndexOf('/') + 1);
        String arn = applicationArn.substring(0, applicationArn.indexOf(":app/")) + ":endpoint/" + app.platform() + "/" + name
                + "/" + ctx.ids().uuid();
        store.put(arn, new PlatformRecord(arn, applicationArn, app.platform(), stored));
        return arn;
    }

    Map<String, String> endpointAttributes(String arn) {
        return endpoint(arn).attributes();
    }

    synchronized void setEndpointAttributes(String arn, Map<String, String> attributes) {
        merge(endpoint(arn), attributes);
    }

    List<PlatformRecord> endpoints(String applicationArn) {
        application(applicationArn);
        String prefix = applicationArn.substring(0, applicationArn.indexOf(":app/")) + ":endpoint/";
        List<PlatformRecord> out = new ArrayList<>();
        for (Map.Entry<String, PlatformRecord> e : store.prefix(prefix)) {
            if (applicationArn.equals(e.getValue().applicationArn())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** Deleting a missing endpoint succeeds, as on AWS. */
    void deleteEndpoint(String arn) {
        store.remove(arn);
    }

    boolean isEndpoint(Arn arn) {
        return arn.service().equals("sns") && arn.resource().startsWith("endpoint/");
    }

    /** Publish to an endpoint: its platform's payload into the outbox. */
    PublishResult publish(Scope scope, String endpointArn, String message, String structure) {
        PlatformRecord endpoint = store.get(endpointArn);
        if (endpoint == null || endpoint.applicationArn() == null) {
            throw SnsErrors.invalidParameter("Invalid parameter: TargetArn Reason: No endpoint found for the target arn specified");
        }
        if (!"true".equalsIgnoreCase(endpoint.attributes().get("Enabled"))) {
            throw new AwsException(400, "EndpointDisabled", "Endpoint is disabled");
        }
        String payload = message;
        if ("json".equals(structure)) {
            Map<String, String> perProtocol = PublishRules.perProtocolMessages(message, true);
            payload = perProtocol.getOrDefault(endpoint.platform(), perProtocol.get("default"));
        }
        String messageId = ctx.ids().uuid();
        transports.deliver(new SnsDelivery(scope, null, null, "application", endpointArn, "Notification", messageId, null, payload,
                true, Map.of(), null, null, null));
        return new PublishResult(messageId, null);
    }

    private PlatformRecord application(String arn) {
        PlatformRecord app = arn == null ? null : store.get(arn);
        if (app == null || app.applicationArn() != null) {
            throw new AwsException(404, "NotFound", "PlatformApplication does not exist");
        }
        return app;
    }

    private PlatformRecord endpoint(String arn) {
        PlatformRecord endpoint = arn == null ? null : store.get(arn);
        if (endpoint == null || endpoint.applicationArn() == null) {
            throw new AwsException(404, "NotFound", "Endpoint does not exist");
        }
        return endpoint;
    }
}
