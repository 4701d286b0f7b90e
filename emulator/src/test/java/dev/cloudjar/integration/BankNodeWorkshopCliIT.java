package dev.cloudjar.integration;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/workshops/bank-node.md as written: bank.md with its step 3 replaced by the page's blocks (npm
 * installs the AWS SDK v3 clients next to the functions, the zip is created with
 * {@code --runtime nodejs20.x}); the results are the Java workshop's. Needs the npm registry.
 */
@ExtendWith(CloudJarExtension.class)
class BankNodeWorkshopCliIT {
    @Test
    void theNodeFunctionsGiveTheJavaWorkshopsResults(CloudJar cloudJar, URI endpoint, @TempDir Path workDir) throws Exception {
        BankPythonWorkshopCliIT.runWithOwnStep3("bank-node.md", cloudJar, endpoint, workDir);
    }
}
