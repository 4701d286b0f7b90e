package dev.cloudjar.services.sns.wire;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.query.QueryProtocol;
import dev.cloudjar.services.sns.SnsBackend;
import dev.cloudjar.services.sns.SnsPage;
import java.util.Map;

/**
 * The SNS operations around topics rather than of them: AddPermission / RemovePermission, the data
 * protection policy, and the account's SMS settings and opt-outs; the 2010-03-31 model's element
 * names (the SMS operations' members are lower camel case there).
 */
final class SnsExtrasApi {
    private static final String XMLNS = SnsApi.XMLNS;
    private final SnsBackend backend;

    private SnsExtrasApi(SnsBackend backend) {
        this.backend = backend;
    }

    static void register(OperationTable operations, SnsBackend backend) {
        SnsExtrasApi api = new SnsExtrasApi(backend);
        operations.register("AddPermission", api::addPermission)
                .register("RemovePermission", api::removePermission)
                .register("PutDataProtectionPolicy", api::putDataProtectionPolicy)
                .register("GetDataProtectionPolicy", api::getDataProtectionPolicy)
                .register("SetSMSAttributes", api::setSmsAttributes)
                .register("GetSMSAttributes", api::getSmsAttributes)
                .register("CheckIfPhoneNumberIsOptedOut", api::checkIfPhoneNumberIsOptedOut)
                .register("ListPhoneNumbersOptedOut", api::listPhoneNumbersOptedOut)
                .register("OptInPhoneNumber", api::optInPhoneNumber);
    }

    private AwsResponse addPermission(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        backend.addPermission(r.scope(), p.get("TopicArn"), p.get("Label"), QueryProtocol.members(p, "AWSAccountId"),
                QueryProtocol.members(p, "ActionName"));
        return QueryProtocol.okNoResult("AddPermission", XMLNS, r);
    }

    private AwsResponse removePermission(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        backend.removePermission(r.scope(), p.get("TopicArn"), p.get("Label"));
        return QueryProtocol.okNoResult("RemovePermission", XMLNS, r);
    }

    private AwsResponse putDataProtectionPolicy(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        backend.putDataProtectionPolicy(r.scope(), p.get("ResourceArn"), p.get("DataProtectionPolicy"));
        return QueryProtocol.okNoResult("PutDataProtectionPolicy", XMLNS, r);
    }

    private AwsResponse getDataProtectionPolicy(AwsRequest r) {
        String policy = backend.getDataProtectionPolicy(r.scope(), QueryProtocol.params(r).get("ResourceArn"));
        return QueryProtocol.ok("GetDataProtectionPolicy", XMLNS, r, x -> x.element("DataProtectionPolicy", policy));
    }

    private AwsResponse setSmsAttributes(AwsRequest r) {
        backend.setSmsAttributes(r.scope(), QueryProtocol.entries(QueryProtocol.params(r), "attributes", "key", "value"));
        return QueryProtocol.ok("SetSMSAttributes", XMLNS, r, x -> { });
    }

    private AwsResponse getSmsAttributes(AwsRequest r) {
        Map<String, String> attributes = backend.getSmsAttributes(r.scope(), QueryProtocol.members(QueryProtocol.params(r), "attributes"));
        return QueryProtocol.ok("GetSMSAttributes", XMLNS, r, x -> {
            x.start("attributes");
            attributes.forEach((k, v) -> x.start("entry").element("key", k).element("value", v).end());
            x.end();
        });
    }

    private AwsResponse checkIfPhoneNumberIsOptedOut(AwsRequest r) {
        boolean optedOut = backend.checkIfPhoneNumberIsOptedOut(r.scope(), QueryProtocol.params(r).get("phoneNumber"));
        return QueryProtocol.ok("CheckIfPhoneNumberIsOptedOut", XMLNS, r, x -> x.element("isOptedOut", Boolean.toString(optedOut)));
    }

    private AwsResponse listPhoneNumbersOptedOut(AwsRequest r) {
        SnsPage<String> page = backend.listPhoneNumbersOptedOut(r.scope(), QueryProtocol.params(r).get("nextToken"));
        return QueryProtocol.ok("ListPhoneNumbersOptedOut", XMLNS, r, x -> {
            x.start("phoneNumbers");
            page.items().forEach(n -> x.element("member", n));
            x.end().element("nextToken", page.nextToken());
        });
    }

    private AwsResponse optInPhoneNumber(AwsRequest r) {
        backend.optInPhoneNumber(r.scope(), QueryProtocol.params(r).get("phoneNumber"));
        return QueryProtocol.ok("OptInPhoneNumber", XMLNS, r, x -> { });
    }
}
