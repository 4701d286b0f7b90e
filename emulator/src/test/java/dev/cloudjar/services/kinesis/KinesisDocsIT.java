package dev.cloudjar.services.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import dev.cloudjar.testing.MarkdownBlocks;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** docs/kinesis.md's commands, run as written (only the port differs), print what the page says. */
@ExtendWith(CloudJarExtension.class)
class KinesisDocsIT {
    private static final Path PAGE = Path.of("../docs/kinesis.md");
    private static final String DOCS_ENDPOINT = "http://127.0.0.1:4566";

    @Test
    void thePagesCommandsPrintWhatItSays(CloudJar cloudJar, @TempDir Path root) throws Exception {
        List<String> blocks = MarkdownBlocks.bash(PAGE);
        assertEquals(3, blocks.size());
        Path jar = root.resolve("sample-functions/target/sample-functions.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(Path.of("../sample-functions/target/sample-functions.jar"), jar);

        String[] lines = run(cloudJar, blocks.get(0), root).split("\n");
        assertEquals(4, lines.length, String.join("\n", lines));
        for (int i = 0; i < 3; i++) {
            assertTrue(lines[i].matches("\\d{56}"), lines[i]);
        }
        assertTrue(new BigInteger(lines[1]).compareTo(new BigInteger(lines[0])) > 0);
        assertTrue(new BigInteger(lines[2]).compareTo(new BigInteger(lines[1])) > 0);
        assertEquals("clicks /cart=1 /home=2", lines[3].strip());

        assertEquals("shardId-000000000000\nuser-1\tuser-1\tuser-1\n", run(cloudJar, blocks.get(1), root));

        assertEquals("ENABLING\nACTIVE\nINSERT - 2\nMODIFY 2 3\n", run(cloudJar, blocks.get(2), root));
    }

    private static String run(CloudJar cloudJar, String block, Path workDir) {
        String port = cloudJar.endpoint().substring(cloudJar.endpoint().lastIndexOf(':') + 1);
        String script = "set -euo pipefail\n" + block.replace(DOCS_ENDPOINT, "http://127.0.0.1:" + port);
        CliRunner.Result result = new CliRunner(cloudJar.endpoint()).run(List.of("bash", "-c", script), workDir).assertSuccess();
        cloudJar.awaitIdle(Duration.ofSeconds(5));
        return result.stdout();
    }
}
