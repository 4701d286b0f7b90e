package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.MarkdownBlocks;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/workshops/bank-python.md as written: bank.md's {@code ```bash} blocks with its step 3 replaced
 * by the page's blocks (zip the lab's Python functions, create them with {@code --runtime python3.12}),
 * run with the {@code aws} CLI; the results are the Java workshop's ({@link BankWorkshopCliIT#assertBankResults}).
 */
@ExtendWith(CloudJarExtension.class)
class BankPythonWorkshopCliIT {
    private static final Pattern AWS_COMMAND = Pattern.compile("(?:^|\\$\\(|;\\s*)\\s*aws\\s+(\\S+(?:\\s+\\S+)?)", Pattern.MULTILINE);

    @Test
    void thePythonFunctionsGiveTheJavaWorkshopsResults(CloudJar cloudJar, URI endpoint, @TempDir Path workDir) throws Exception {
        runWithOwnStep3("bank-python.md", cloudJar, endpoint, workDir);
    }

    /**
     * Runs bank.md with the block that creates the Java functions swapped for {@code page}'s bash
     * blocks, from a folder where {@code sample-functions/} is the repository's, then checks the results.
     */
    static void runWithOwnStep3(String page, CloudJar cloudJar, URI endpoint, Path workDir) throws Exception {
        List<String> step3 = MarkdownBlocks.bash(BankWorkshopCliIT.GUIDES.resolve(page));
        assertTrue(step3.stream().anyMatch(b -> b.contains("lambda create-function")), page + " creates the functions");
        int commands = 0;
        for (String block : step3) {
            Matcher m = AWS_COMMAND.matcher(block);
            while (m.find()) {
                commands++;
                assertEquals("--endpoint-url " + BankWorkshopCliIT.GUIDE_ENDPOINT, m.group(1),
                        page + ": an aws command without the endpoint would reach AWS itself");
            }
        }
        assertTrue(commands >= 4, page + ": " + commands + " aws commands");
        List<String> script = new ArrayList<>();
        int replaced = 0;
        for (String block : BankWorkshopCliIT.bashBlocks(BankWorkshopCliIT.GUIDES.resolve("bank.md"))) {
            if (block.contains("lambda create-function")) {
                script.addAll(step3);
                replaced++;
            } else {
                script.add(block);
            }
        }
        assertEquals(1, replaced, "bank.md creates both functions in one block");
        String bash = "set -euo pipefail\n" + String.join("\n", script).replace(BankWorkshopCliIT.GUIDE_ENDPOINT, cloudJar.endpoint());
        Files.createSymbolicLink(workDir.resolve("sample-functions"), Path.of("../sample-functions").toAbsolutePath().normalize());
        CliRunner cli = new CliRunner(cloudJar.endpoint());
        cli.run(List.of("bash", "-xc", bash), workDir).assertSuccess();
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(120)), "the pipeline settles");
        BankWorkshopCliIT.assertBankResults(cli, endpoint);
    }
}
