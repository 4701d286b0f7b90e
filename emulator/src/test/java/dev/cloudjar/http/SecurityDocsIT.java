package dev.cloudjar.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import dev.cloudjar.testing.MarkdownBlocks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The commands of docs/security.md and docs/control-api.md, run as written, print what the pages say. */
@ExtendWith(CloudJarExtension.class)
class SecurityDocsIT {
    private static final Path DOCS = Path.of("../docs");
    private static final String DOCS_ENDPOINT = "http://127.0.0.1:4566";

    @Test
    void theSecurityPagesCommandsAreRefusedAndServedAsItSays(CloudJar cloudJar) {
        assertEquals("403\n403\n200\n", run(cloudJar, "security.md"));
    }

    @Test
    void theControlPagesResetAnswersAsItSays(CloudJar cloudJar) {
        assertEquals("{\"reset\":true,\"dataDir\":false}", run(cloudJar, "control-api.md"));
    }

    private static String run(CloudJar cloudJar, String page) {
        List<String> blocks = MarkdownBlocks.bash(DOCS.resolve(page));
        assertEquals(1, blocks.size(), page + " has one block of commands");
        String port = cloudJar.endpoint().substring(cloudJar.endpoint().lastIndexOf(':') + 1);
        // the docs name the default port; only the port differs here, so Host values stay as written
        String script = "set -euo pipefail\n" + blocks.get(0).replace(DOCS_ENDPOINT, "http://127.0.0.1:" + port);
        return new CliRunner(cloudJar.endpoint()).run(List.of("bash", "-c", script), null).assertSuccess().stdout();
    }
}
