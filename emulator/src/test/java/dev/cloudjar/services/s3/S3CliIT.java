package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The installed AWS CLI against CloudJar: mb, cp of 50 MB both ways, sync, ls, presign, rm, rb. A missing CLI fails. */
@ExtendWith(CloudJarExtension.class)
class S3CliIT {

    @Test
    void everydayCommandsWork(URI endpoint, @TempDir Path dir) throws Exception {
        CliRunner cli = new CliRunner(endpoint.toString());
        assertTrue(cli.aws("s3", "mb", "s3://cli-bucket").assertSuccess().stdout().contains("make_bucket: cli-bucket"));

        Path big = dir.resolve("big.bin");
        try (OutputStream out = Files.newOutputStream(big)) {
            Random random = new Random(5);
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < 50; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        cli.aws("s3", "cp", "--only-show-errors", big.toString(), "s3://cli-bucket/data/big.bin").assertSuccess();
        Path back = dir.resolve("back.bin");
        cli.aws("s3", "cp", "--only-show-errors", "s3://cli-bucket/data/big.bin", back.toString()).assertSuccess();
        assertEquals(-1L, Files.mismatch(big, back), "50 MB round trip is byte-identical");

        Path folder = Files.createDirectories(dir.resolve("site/css"));
        Files.writeString(dir.resolve("site/index.html"), "<h1>hi</h1>");
        Files.writeString(folder.resolve("main.css"), "body{}");
        Files.writeString(dir.resolve("site/a file+plus.txt"), "plus");
        cli.aws("s3", "sync", "--only-show-errors", dir.resolve("site").toString(), "s3://cli-bucket/site").assertSuccess();
        String listing = cli.aws("s3", "ls", "--recursive", "s3://cli-bucket").assertSuccess().stdout();
        for (String key : new String[] {"data/big.bin", "site/index.html", "site/css/main.css", "site/a file+plus.txt"}) {
            assertTrue(listing.contains(key), key + " in " + listing);
        }
        String again = cli.aws("s3", "sync", dir.resolve("site").toString(), "s3://cli-bucket/site").assertSuccess().stdout();
        assertFalse(again.contains("upload:"), "a second sync uploads nothing: " + again);

        String url = cli.aws("s3", "presign", "s3://cli-bucket/site/index.html", "--expires-in", "300").assertSuccess().stdout().trim();
        HttpResponse<String> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fetched.statusCode(), fetched.body());
        assertEquals("<h1>hi</h1>", fetched.body());

        cli.aws("s3", "rm", "--recursive", "--only-show-errors", "s3://cli-bucket").assertSuccess();
        assertEquals("", cli.aws("s3", "ls", "--recursive", "s3://cli-bucket").stdout().trim());
        assertTrue(cli.aws("s3", "rb", "s3://cli-bucket").assertSuccess().stdout().contains("remove_bucket: cli-bucket"));
        assertTrue(cli.aws("s3api", "head-bucket", "--bucket", "cli-bucket").exitCode() != 0);
        assertTrue(cli.aws("sts", "get-caller-identity").assertSuccess().stdout().contains("000000000000"));
    }
}
