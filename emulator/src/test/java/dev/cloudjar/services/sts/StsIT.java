package dev.cloudjar.services.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudjar.testing.CloudJarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

@ExtendWith(CloudJarExtension.class)
class StsIT {
    @Test
    void callerIdentityIsTheRootOfTheRequestAccount(StsClient sts) {
        GetCallerIdentityResponse identity = sts.getCallerIdentity();
        assertEquals("000000000000", identity.account());
        assertEquals("arn:aws:iam::000000000000:root", identity.arn());
        assertEquals("000000000000", identity.userId());
    }
}
