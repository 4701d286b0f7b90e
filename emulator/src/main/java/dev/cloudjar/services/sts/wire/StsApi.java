package dev.cloudjar.services.sts.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.query.QueryProtocol;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.sts.AssumedRole;
import dev.cloudjar.services.sts.CallerIdentity;
import dev.cloudjar.services.sts.StsBackend;
import dev.cloudjar.services.sts.TemporaryCredentials;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** STS over the Query protocol (Version 2011-06-15): GetCallerIdentity, AssumeRole, GetSessionToken. */
public final class StsApi implements AwsService {
    static final String XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final StsBackend backend;
    private final OperationTable operations = new OperationTable();

    public StsApi(StsBackend backend) {
        this.backend = backend;
        operations.register("GetCallerIdentity", this::getCallerIdentity)
                .register("AssumeRole", this::assumeRole)
                .register("GetSessionToken", this::getSessionToken);
    }

    @Override
    public String serviceName() {
        return "sts";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return QueryProtocol.dispatch(operations, request, XMLNS);
    }

    @Override
    public AwsResponse error(AwsException error, AwsRequest request) {
        return QueryProtocol.error(error, XMLNS, request);
    }

    private AwsResponse getCallerIdentity(AwsRequest r) {
        CallerIdentity identity = backend.callerIdentity(r.scope(), r.credential() == null ? null : r.credential().accessKey());
        return QueryProtocol.ok("GetCallerIdentity", XMLNS, r, x -> x
                .element("Arn", identity.arn())
                .element("UserId", identity.userId())
                .element("Account", identity.account()));
    }

    private AwsResponse assumeRole(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        AssumedRole role = backend.assumeRole(r.scope(), p.get("RoleArn"), p.get("RoleSessionName"), QueryProtocol.integer(p, "DurationSeconds"));
        return QueryProtocol.ok("AssumeRole", XMLNS, r, x -> {
            credentials(x, role.credentials());
            x.start("AssumedRoleUser").element("AssumedRoleId", role.assumedRoleId()).element("Arn", role.arn()).end();
        });
    }

    private AwsResponse getSessionToken(AwsRequest r) {
        TemporaryCredentials credentials = backend.getSessionToken(r.scope(), QueryProtocol.integer(QueryProtocol.params(r), "DurationSeconds"));
        return QueryProtocol.ok("GetSessionToken", XMLNS, r, x -> credentials(x, credentials));
    }

    private static void credentials(XmlWriter x, TemporaryCredentials c) {
        x.start("Credentials")
                .element("AccessKeyId", c.accessKeyId())
                .element("SecretAccessKey", c.secretAccessKey())
                .element("SessionToken", c.sessionToken())
                .element("Expiration", Instant.ofEpochMilli(c.expirationMillis()).truncatedTo(ChronoUnit.SECONDS).toString())
                .end();
    }
}
