package dev.cloudjar.services.sns.wire;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.query.QueryProtocol;
import dev.cloudjar.services.sns.SmsSandbox;
import dev.cloudjar.services.sns.SnsBackend;
import dev.cloudjar.services.sns.SnsPage;
import java.util.Map;

/** The SMS sandbox operations and ListOriginationNumbers, with the 2010-03-31 model's element names. */
final class SnsSandboxApi {
    private static final String XMLNS = SnsApi.XMLNS;
    private final SnsBackend backend;

    private SnsSandboxApi(SnsBackend backend) {
        this.backend = backend;
    }

    static void register(OperationTable operations, SnsBackend backend) {
        SnsSandboxApi api = new SnsSandboxApi(backend);
        operations.register("CreateSMSSandboxPhoneNumber", api::create)
                .register("DeleteSMSSandboxPhoneNumber", api::delete)
                .register("VerifySMSSandboxPhoneNumber", api::verify)
                .register("ListSMSSandboxPhoneNumbers", api::list)
                .register("GetSMSSandboxAccountStatus", api::accountStatus)
                .register("ListOriginationNumbers", api::originationNumbers);
    }

    private AwsResponse create(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        backend.smsSandbox().create(r.scope(), p.get("PhoneNumber"), p.get("LanguageCode"));
        return QueryProtocol.ok("CreateSMSSandboxPhoneNumber", XMLNS, r, x -> { });
    }

    private AwsResponse delete(AwsRequest r) {
        backend.smsSandbox().delete(r.scope(), QueryProtocol.params(r).get("PhoneNumber"));
        return QueryProtocol.ok("DeleteSMSSandboxPhoneNumber", XMLNS, r, x -> { });
    }

    private AwsResponse verify(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        backend.smsSandbox().verify(r.scope(), p.get("PhoneNumber"), p.get("OneTimePassword"));
        return QueryProtocol.ok("VerifySMSSandboxPhoneNumber", XMLNS, r, x -> { });
    }

    private AwsResponse list(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        SnsPage<SmsSandbox.SandboxNumber> page = backend.smsSandbox().list(r.scope(), p.get("NextToken"),
                QueryProtocol.integer(p, "MaxResults"));
        return QueryProtocol.ok("ListSMSSandboxPhoneNumbers", XMLNS, r, x -> {
            x.start("PhoneNumbers");
            page.items().forEach(n -> x.start("member").element("PhoneNumber", n.phoneNumber()).element("Status", n.status()).end());
            x.end().element("NextToken", page.nextToken());
        });
    }

    private AwsResponse accountStatus(AwsRequest r) {
        return QueryProtocol.ok("GetSMSSandboxAccountStatus", XMLNS, r, x -> x.element("IsInSandbox", "false"));
    }

    private AwsResponse originationNumbers(AwsRequest r) {
        Integer max = QueryProtocol.integer(QueryProtocol.params(r), "MaxResults");
        if (max != null && (max < 1 || max > 30)) {
            throw new dev.cloudjar.core.AwsException(400, "ValidationException", "1 validation error detected: Value '" + max
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value "
                    + (max < 1 ? "greater than or equal to 1" : "less than or equal to 30"));
        }
        return QueryProtocol.ok("ListOriginationNumbers", XMLNS, r, x -> x.start("PhoneNumbers").end());
    }
}
