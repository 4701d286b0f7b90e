package dev.cloudjar.services.lambda.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import dev.cloudjar.testing.MarkdownBlocks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/lambda.md's Python and Node.js walk-through, run as written with the {@code aws} CLI: seed
 * 002's {@code handler.py} hello world and seed 001's {@code context.succeed} handler.
 */
@ExtendWith(CloudJarExtension.class)
class RuntimesDocsIT {
    private static final Path PAGE = Path.of("../docs/lambda.md");

    @Test
    void theDocumentedCommandsDeployAndInvokePythonAndNode(CloudJar cloudJar, @TempDir Path workDir) throws Exception {
        List<String> blocks = MarkdownBlocks.bash(PAGE);
        assertEquals(2, blocks.size(), "the page's bash blocks: " + blocks);
        String script = "set -euo pipefail\n" + String.join("\n", blocks).replace("http://127.0.0.1:4566", cloudJar.endpoint());
        CliRunner.Result result = new CliRunner(cloudJar.endpoint()).run(List.of("bash", "-c", script), workDir).assertSuccess();

        assertEquals("\"Hello World\"", Files.readString(workDir.resolve("lambda_output.txt")));
        assertTrue(result.stdout().contains("\"Hello World\""), result.stdout());
        assertEquals("\"value1\"", Files.readString(workDir.resolve("echo_output.txt")));
        String tail = result.stdout();
        assertTrue(tail.contains("\tINFO\tLoading function"), tail);
        assertTrue(tail.contains("\tINFO\tvalue1 = value1"), tail);
        assertTrue(tail.contains("\tINFO\tfunctionName = echo"), tail);
        assertTrue(tail.matches("(?s).*\\tINFO\\tremaining time = \\d+.*"), tail);
        assertTrue(tail.matches("(?s).*\\tINFO\\tAWSrequestID = [0-9a-f-]{36}.*"), tail);
        assertTrue(tail.contains("\tINFO\tlogGroupName = /aws/lambda/echo"), tail);
        assertTrue(tail.matches("(?s).*\\tINFO\\tlogStreamName = \\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}.*"), tail);
        assertTrue(tail.contains("\tINFO\tclientContext = undefined"), tail);
        assertTrue(tail.contains("REPORT RequestId: "), tail);

        CliRunner cli = new CliRunner(cloudJar.endpoint());
        String config = cli.aws("lambda", "get-function-configuration", "--function-name", "HelloWorldCLI").assertSuccess().stdout();
        assertTrue(config.contains("\"Runtime\": \"python3.12\"") && config.contains("\"State\": \"Active\""), config);
        String logged = cli.aws("lambda", "invoke", "--function-name", "HelloWorldCLI", "--payload",
                "{\"key1\":\"a\",\"key2\":\"b\",\"key3\":\"c\"}", "--log-type", "Tail", "--query", "LogResult", "--output", "text",
                workDir.resolve("again.txt").toString()).assertSuccess().stdout();
        String log = new String(java.util.Base64.getDecoder().decode(logged.trim()));
        assertTrue(log.contains("value1 = a\nvalue2 = b\nvalue3 = c\n"), log);
        assertTrue(!log.contains("Loading function"), "module code ran again in a warm environment: " + log);
    }
}
