package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import dev.cloudjar.testing.MarkdownBlocks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** docs/dynamodb.md's commands, run as written (only the port differs), print what the page says. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbDocsIT {
    private static final Path PAGE = Path.of("../docs/dynamodb.md");
    private static final String DOCS_ENDPOINT = "http://127.0.0.1:4566";

    @Test
    void thePagesCommandsPrintWhatItSays(CloudJar cloudJar, @TempDir Path root) {
        List<String> blocks = MarkdownBlocks.bash(PAGE);
        assertEquals(2, blocks.size());
        assertEquals("UPDATING\n2019.11.21\tus-east-1\nNina Simone\n", run(cloudJar, blocks.get(0), root));
        assertEquals("ENABLING\nENABLED\t2\n", run(cloudJar, blocks.get(1), root));
    }

    private static String run(CloudJar cloudJar, String block, Path workDir) {
        String port = cloudJar.endpoint().substring(cloudJar.endpoint().lastIndexOf(':') + 1);
        String script = "set -euo pipefail\n" + block.replace(DOCS_ENDPOINT, "http://127.0.0.1:" + port);
        return new CliRunner(cloudJar.endpoint()).run(List.of("bash", "-c", script), workDir).assertSuccess().stdout();
    }
}
