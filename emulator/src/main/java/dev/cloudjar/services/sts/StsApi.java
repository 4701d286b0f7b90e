package dev.cloudjar.services.sts;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.query.QueryProtocol;

/**
 * STS over the Query protocol: GetCallerIdentity, which the CLI and SDK tooling call to learn the
 * account. The caller is the root user of the request's account (PROTOCOLS section 10).
 *
 * <p>LIMITATIONS: no AssumeRole, session tokens or federation; other actions answer InvalidAction.
 */
public final class StsApi implements AwsService {
    static final String XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";

    @Override
    public String serviceName() {
        return "sts";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        if (!"GetCallerIdentity".equals(request.target())) {
            return QueryProtocol.invalidAction(request, XMLNS);
        }
        String account = request.scope().account();
        return QueryProtocol.ok("GetCallerIdentity", XMLNS, request, xml -> xml
                .element("Arn", "arn:aws:iam::" + account + ":root")
                .element("UserId", account)
                .element("Account", account));
    }

    @Override
    public AwsResponse error(AwsException error, AwsRequest request) {
        return QueryProtocol.error(error, XMLNS, request);
    }
}
