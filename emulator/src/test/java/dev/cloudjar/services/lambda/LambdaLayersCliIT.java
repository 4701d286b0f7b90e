package dev.cloudjar.services.lambda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Layers through the real {@code aws} CLI and boto3. */
@ExtendWith(CloudJarExtension.class)
class LambdaLayersCliIT {
    @Test
    void awsCliPublishesAndListsLayerVersions(URI endpoint) throws Exception {
        CliRunner cli = new CliRunner(endpoint.toString());
        Path dir = Files.createTempDirectory("cli-layer");
        Path zip = Files.write(dir.resolve("layer.zip"), TestPackages.singleEntry("python/libs.py", "X = 1\n".getBytes()));
        String published = cli.aws("lambda", "publish-layer-version", "--layer-name", "libs", "--zip-file", "fileb://" + zip,
                "--compatible-runtimes", "python3.12").assertSuccess().stdout();
        assertTrue(published.contains("\"LayerVersionArn\": \"arn:aws:lambda:us-east-1:000000000000:layer:libs:1\"")
                && published.contains("\"Location\": \"" + endpoint), published);
        cli.aws("lambda", "publish-layer-version", "--layer-name", "libs", "--zip-file", "fileb://" + zip).assertSuccess();
        String listed = cli.aws("lambda", "list-layer-versions", "--layer-name", "libs").assertSuccess().stdout();
        assertTrue(listed.indexOf("layer:libs:2\"") >= 0 && listed.indexOf("layer:libs:2\"") < listed.indexOf("layer:libs:1\"")
                && listed.contains("\"python3.12\""), listed);
        String missing = cli.aws("lambda", "get-layer-version", "--layer-name", "libs", "--version-number", "9").stderr();
        assertTrue(missing.contains("ResourceNotFoundException"), missing);
        String viaBoto = cli.python("""
                import boto3, os
                c = boto3.client('lambda', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1',
                                 aws_access_key_id='test', aws_secret_access_key='test')
                print([l['LatestMatchingVersion']['Version'] for l in c.list_layers(CompatibleRuntime='python3.12')['Layers']])
                """).assertSuccess().stdout();
        assertTrue(viaBoto.contains("[1]"), viaBoto);
        Files.deleteIfExists(zip);
        Files.deleteIfExists(dir);
    }
}
