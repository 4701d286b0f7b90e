package dev.cloudjar.services.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The workshop's commands through the real {@code aws} CLI and boto3 (botocore's REST-JSON client). */
@ExtendWith(CloudJarExtension.class)
class LambdaCliIT {
    @Test
    void awsCliDeploysAndInvokesTheSampleJar(URI endpoint) throws Exception {
        CliRunner cli = new CliRunner(endpoint.toString());
        Path jar = SampleFunctionsIT.JAR.toAbsolutePath();
        String created = cli.aws("lambda", "create-function", "--function-name", "cli-hello", "--runtime", "java21",
                "--role", LambdaFunctionsIT.ROLE, "--handler", "dev.cloudjar.samples.hello.HelloWorld::handleRequest",
                "--zip-file", "fileb://" + jar, "--timeout", "20").assertSuccess().stdout();
        assertTrue(created.contains("\"FunctionArn\": \"arn:aws:lambda:us-east-1:000000000000:function:cli-hello\""), created);
        cli.aws("lambda", "wait", "function-active-v2", "--function-name", "cli-hello").assertSuccess();
        Path out = Files.createTempFile("invoke", ".json");
        String invoked = cli.aws("lambda", "invoke", "--function-name", "cli-hello",
                "--payload", "{\"name\":\"CLI\"}", "--log-type", "Tail", out.toString()).assertSuccess().stdout();
        assertTrue(invoked.contains("\"StatusCode\": 200") && invoked.contains("\"LogResult\""), invoked);
        assertEquals("\"Hello, CLI!\"", Files.readString(out));
        cli.aws("lambda", "add-permission", "--function-name", "cli-hello", "--statement-id", "s3", "--action",
                "lambda:InvokeFunction", "--principal", "s3.amazonaws.com").assertSuccess();
        String missing = cli.aws("lambda", "get-function", "--function-name", "nope").stderr();
        assertTrue(missing.contains("ResourceNotFoundException") && missing.contains("Function not found"), missing);
        String listed = cli.python("""
                import boto3, os
                c = boto3.client('lambda', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1',
                                 aws_access_key_id='test', aws_secret_access_key='test')
                print(','.join(f['FunctionName'] for f in c.list_functions()['Functions']))
                r = c.invoke(FunctionName='cli-hello', Payload=b'{"name":"py"}')
                print(r['StatusCode'], r['Payload'].read().decode(), r['ExecutedVersion'])
                """).assertSuccess().stdout();
        assertTrue(listed.contains("cli-hello") && listed.contains("200 \"Hello, py!\" $LATEST"), listed);
        Files.deleteIfExists(out);
    }
}
