package dev.cloudjar.services.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import dev.cloudjar.testing.MarkdownBlocks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** docs/logs.md's commands, run as written (only the port differs), print what the page says. */
@ExtendWith(CloudJarExtension.class)
class LogsDocsIT {
    private static final Path PAGE = Path.of("../docs/logs.md");
    private static final String DOCS_ENDPOINT = "http://127.0.0.1:4566";

    @Test
    void thePagesCommandsPrintWhatItSays(CloudJar cloudJar, @TempDir Path root) throws Exception {
        List<String> blocks = MarkdownBlocks.bash(PAGE);
        assertEquals(2, blocks.size());
        // the page runs from the repository root: give the block the sample jar where it says
        Path jar = root.resolve("sample-functions/target/sample-functions.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(Path.of("../sample-functions/target/sample-functions.jar"), jar);

        String first = run(cloudJar, blocks.get(0), root);
        String[] lines = first.split("\n");
        assertTrue(lines[0].startsWith("START RequestId: ") && lines[0].contains("Version: $LATEST"), first);
        assertTrue(first.contains("\tGreeting you\n") || first.contains("Greeting you"), first);
        assertTrue(first.contains("END RequestId: ") && first.contains("REPORT RequestId: "), first);
        assertTrue(lines[lines.length - 2].matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST\\][0-9a-f]{32}"), first);
        assertEquals("1", lines[lines.length - 1].strip(), first);

        String second = run(cloudJar, blocks.get(1), root);
        assertEquals("ERROR payment failed\n7\n", second);
    }

    private static String run(CloudJar cloudJar, String block, Path workDir) {
        String port = cloudJar.endpoint().substring(cloudJar.endpoint().lastIndexOf(':') + 1);
        String script = "set -euo pipefail\n" + block.replace(DOCS_ENDPOINT, "http://127.0.0.1:" + port);
        CliRunner.Result result = new CliRunner(cloudJar.endpoint()).run(List.of("bash", "-c", script), workDir).assertSuccess();
        cloudJar.awaitIdle(Duration.ofSeconds(5));
        return result.stdout();
    }
}
