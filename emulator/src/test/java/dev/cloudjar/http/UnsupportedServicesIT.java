package dev.cloudjar.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A service CloudJar does not speak answers in that service's protocol, naming it, never as S3. */
@ExtendWith(CloudJarExtension.class)
class UnsupportedServicesIT {

    @Test
    void theCliHearsWhichServiceIsMissingAndWhereToLook(CloudJar cloudJar) {
        CliRunner cli = new CliRunner(cloudJar.endpoint());
        CliRunner.Result json = cli.aws("firehose", "list-delivery-streams");
        assertTrue(json.exitCode() != 0, json.stderr());
        assertTrue(json.stderr().contains("(UnknownOperationException) when calling the ListDeliveryStreams operation: "
                + "CloudJar does not emulate firehose; docs/coverage.md"), json.stderr());
        CliRunner.Result query = cli.aws("ec2", "describe-instances");
        assertTrue(query.stderr().contains("(InvalidAction) when calling the DescribeInstances operation: "
                + "CloudJar does not emulate ec2"), query.stderr());
        CliRunner.Result rest = cli.aws("glacier", "list-vaults", "--account-id", "-");
        assertTrue(rest.stderr().contains("CloudJar does not emulate glacier"), rest.stderr());
    }
}
