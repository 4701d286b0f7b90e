package dev.cloudjar.services.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * docs/eventbridge.md's commands, run as written with the installed {@code aws} CLI from the
 * repository root (only the port is this CloudJar's): the seed 002 schedule piece and the pattern tour.
 */
@ExtendWith(CloudJarExtension.class)
class EventBridgeDocsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String run(CloudJar cloudJar, Path workDir, String block) throws Exception {
        String port = cloudJar.endpoint().substring(cloudJar.endpoint().lastIndexOf(':') + 1);
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String entry : List.of("pom.xml", "emulator", "sample-functions")) {
            if (!Files.exists(workDir.resolve(entry))) {
                Files.createSymbolicLink(workDir.resolve(entry), root.resolve(entry));
            }
        }
        String script = "set -euo pipefail\n" + block.replace("127.0.0.1:4566", "127.0.0.1:" + port);
        return new CliRunner(cloudJar.endpoint()).run(List.of("bash", "-c", script), workDir).assertSuccess().stdout();
    }

    private static List<String> blocks() {
        List<String> blocks = MarkdownBlocks.bash(Path.of("../docs/eventbridge.md"));
        assertEquals(3, blocks.size(), "docs/eventbridge.md's command blocks");
        return blocks;
    }

    @Test
    void theScheduledHelloWorldRunsAsWritten(CloudJar cloudJar, @TempDir Path workDir) throws Exception {
        String out = run(cloudJar, workDir, blocks().get(0));
        String[] lines = out.split("\n");
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:hello-world", lines[0], out);
        assertEquals("arn:aws:events:us-east-1:000000000000:rule/hello-world-every-minute", lines[1], out);
        assertEquals("0", lines[2], out);
        assertTrue(lines[3].startsWith("{\"now\":\""), out);
        JsonNode record = JSON.readTree(lines[4]);
        JsonNode event = record.get("requestPayload");
        assertEquals("Scheduled Event", event.get("detail-type").asText());
        assertEquals("aws.events", event.get("source").asText());
        assertEquals("arn:aws:events:us-east-1:000000000000:rule/hello-world-every-minute", event.get("resources").get(0).asText());
        assertTrue(record.get("responsePayload").asText().startsWith("Hello World from aws.events (Scheduled Event) at "), out);
        assertTrue(record.get("responsePayload").asText().endsWith(
                " for [arn:aws:events:us-east-1:000000000000:rule/hello-world-every-minute]"), out);
        assertEquals("{\"rule\":\"hello-world-every-minute\",\"targets\":1}", lines[5], out);
        assertEquals(6, lines.length, out);
        // the fired invocation reached the destination too
        try (SqsClient sqs = CloudJarExtension.client(SqsClient.builder(), cloudJar).build()) {
            List<Message> fired = EventBridgeScheduleIT.receive(cloudJar, sqs, "hello-world-results", 1);
            assertEquals("Scheduled Event", JSON.readTree(fired.get(0).body()).at("/requestPayload/detail-type").asText());
        }
    }

    @Test
    void theSchedulerExamplePrintsWhatThePageSays(CloudJar cloudJar, @TempDir Path workDir) throws Exception {
        assertEquals("arn:aws:scheduler:us-east-1:000000000000:schedule/default/remind-me\n{\"text\":\"stretch\"}\n",
                run(cloudJar, workDir, blocks().get(2)));
    }

    @Test
    void thePatternTourPrintsWhatThePageSays(CloudJar cloudJar, @TempDir Path workDir) throws Exception {
        assertEquals("0\n\"order o-1 is big\"\ntrue\n", run(cloudJar, workDir, blocks().get(1)));
    }
}
