package dev.cloudjar.services.sns.wire;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.query.QueryProtocol;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.sns.SnsBackend;
import java.util.List;
import java.util.Map;

/** SNS mobile push over the Query protocol: platform applications and endpoints, as the 2010-03-31 model names them. */
final class SnsPlatformApi {
    private static final String XMLNS = SnsApi.XMLNS;
    private final SnsBackend backend;

    private SnsPlatformApi(SnsBackend backend) {
        this.backend = backend;
    }

    static void register(OperationTable operations, SnsBackend backend) {
        SnsPlatformApi api = new SnsPlatformApi(backend);
        operations.register("CreatePlatformApplication", api::createPlatformApplication)
                .register("GetPlatformApplicationAttributes", api::getPlatformApplicationAttributes)
                .register("SetPlatformApplicationAttributes", api::setPlatformApplicationAttributes)
                .register("ListPlatformApplications", api::listPlatformApplications)
                .register("DeletePlatformApplication", api::deletePlatformApplication)
                .register("CreatePlatformEndpoint", api::createPlatformEndpoint)
                .register("GetEndpointAttributes", api::getEndpointAttributes)
                .register("SetEndpointAttributes", api::setEndpointAttributes)
                .register("ListEndpointsByPlatformApplication", api::listEndpointsByPlatformApplication)
                .register("DeleteEndpoint", api::deleteEndpoint);
    }

    private static Map<String, String> attributes(Map<String, String> p) {
        return QueryProtocol.entries(p, "Attributes", "key", "value");
    }

    private static void render(XmlWriter x, Map<String, String> attributes) {
        x.start("Attributes");
        attributes.forEach((k, v) -> x.start("entry").element("key", k).element("value", v).end());
        x.end();
    }

    private AwsResponse createPlatformApplication(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        String arn = backend.createPlatformApplication(r.scope(), p.get("Name"), p.get("Platform"), attributes(p));
        return QueryProtocol.ok("CreatePlatformApplication", XMLNS, r, x -> x.element("PlatformApplicationArn", arn));
    }

    private AwsResponse getPlatformApplicationAttributes(AwsRequest r) {
        Map<String, String> a = backend.getPlatformApplicationAttributes(QueryProtocol.params(r).get("PlatformApplicationArn"));
        return QueryProtocol.ok("GetPlatformApplicationAttributes", XMLNS, r, x -> render(x, a));
    }

    private AwsResponse setPlatformApplicationAttributes(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        backend.setPlatformApplicationAttributes(p.get("PlatformApplicationArn"), attributes(p));
        return QueryProtocol.okNoResult("SetPlatformApplicationAttributes", XMLNS, r);
    }

    private AwsResponse listPlatformApplications(AwsRequest r) {
        List<String> arns = backend.listPlatformApplications(r.scope());
        return QueryProtocol.ok("ListPlatformApplications", XMLNS, r, x -> {
            x.start("PlatformApplications");
            for (String arn : arns) {
                x.start("member").element("PlatformApplicationArn", arn);
                render(x, backend.getPlatformApplicationAttributes(arn));
                x.end();
            }
            x.end();
        });
    }

    private AwsResponse deletePlatformApplication(AwsRequest r) {
        backend.deletePlatformApplication(QueryProtocol.params(r).get("PlatformApplicationArn"));
        return QueryProtocol.okNoResult("DeletePlatformApplication", XMLNS, r);
    }

    private AwsResponse createPlatformEndpoint(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        String arn = backend.createPlatformEndpoint(p.get("PlatformApplicationArn"), p.get("Token"), p.get("CustomUserData"), attributes(p));
        return QueryProtocol.ok("CreatePlatformEndpoint", XMLNS, r, x -> x.element("EndpointArn", arn));
    }

    private AwsResponse getEndpointAttributes(AwsRequest r) {
        Map<String, String> a = backend.getEndpointAttributes(QueryProtocol.params(r).get("EndpointArn"));
        return QueryProtocol.ok("GetEndpointAttributes", XMLNS, r, x -> render(x, a));
    }

    private AwsResponse setEndpointAttributes(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        backend.setEndpointAttributes(p.get("EndpointArn"), attributes(p));
        return QueryProtocol.okNoResult("SetEndpointAttributes", XMLNS, r);
    }

    private AwsResponse listEndpointsByPlatformApplication(AwsRequest r) {
        Map<String, Map<String, String>> endpoints = backend.listEndpointsByPlatformApplication(
                QueryProtocol.params(r).get("PlatformApplicationArn"));
        return QueryProtocol.ok("ListEndpointsByPlatformApplication", XMLNS, r, x -> {
            x.start("Endpoints");
            endpoints.forEach((arn, a) -> {
                x.start("member").element("EndpointArn", arn);
                render(x, a);
                x.end();
            });
            x.end();
        });
    }

    private AwsResponse deleteEndpoint(AwsRequest r) {
        backend.deleteEndpoint(QueryProtocol.params(r).get("EndpointArn"));
        return QueryProtocol.okNoResult("DeleteEndpoint", XMLNS, r);
    }
}
