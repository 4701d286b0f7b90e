package dev.cloudjar.services.lambda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.services.lambda.code.CodeUnpacker;
import dev.cloudjar.services.lambda.layered.LayerGreeter;
import dev.cloudjar.services.lambda.layered.Shout;
import dev.cloudjar.services.lambda.layered.Whisper;
import dev.cloudjar.testing.CloudJarExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.ListLayerVersionsResponse;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Layers through the SDK: every operation, AWS's errors, and a Java function whose dependencies come only from layers. */
@ExtendWith(CloudJarExtension.class)
class LambdaLayersIT {
    private static final String GREETER = LayerGreeter.class.getName() + "::handleRequest";

    static PublishLayerVersionResponse publish(LambdaClient lambda, String name, byte[] zip, String... runtimes) {
        return lambda.publishLayerVersion(b -> b.layerName(name).content(c -> c.zipFile(SdkBytes.fromByteArray(zip)))
                .compatibleRuntimesWithStrings(runtimes));
    }

    /** A layer whose java/lib/shout.jar holds Shout. */
    static byte[] shoutLayer() {
        byte[] jar = TestPackages.zip(Map.ofEntries(TestPackages.classEntry(Shout.class)));
        return TestPackages.singleEntry("java/lib/shout.jar", jar);
    }

    /** A layer with Whisper as a class file under java/. */
    static byte[] whisperLayer() {
        Map.Entry<String, byte[]> whisper = TestPackages.classEntry(Whisper.class);
        return TestPackages.singleEntry("java/" + whisper.getKey(), whisper.getValue());
    }

    /** The greeter alone: its dependencies are not in the package. */
    static byte[] greeterPackage() {
        return TestPackages.zip(Map.ofEntries(TestPackages.classEntry(LayerGreeter.class)));
    }

    static CreateFunctionResponse createGreeter(LambdaClient lambda, String name, String... layers) {
        return lambda.createFunction(b -> b.functionName(name).runtime(Runtime.JAVA21).role(LambdaFunctionsIT.ROLE)
                .handler(GREETER).timeout(20).layers(layers).code(c -> c.zipFile(SdkBytes.fromByteArray(greeterPackage()))));
    }

    @Test
    void publishGetListAndDelete(LambdaClient lambda) throws Exception {
        byte[] zip = TestPackages.singleEntry("python/libs.py", "X = 1\n".getBytes());
        PublishLayerVersionResponse first = lambda.publishLayerVersion(b -> b.layerName("libs").description("shared code")
                .licenseInfo("MIT").compatibleRuntimesWithStrings("python3.12", "java21")
                .compatibleArchitectures(Architecture.X86_64).content(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
        assertEquals("arn:aws:lambda:us-east-1:000000000000:layer:libs", first.layerArn());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:layer:libs:1", first.layerVersionArn());
        assertEquals(1L, first.version());
        assertEquals("shared code", first.description());
        assertEquals("MIT", first.licenseInfo());
        assertEquals(List.of("python3.12", "java21"), first.compatibleRuntimesAsStrings());
        assertEquals(List.of(Architecture.X86_64), first.compatibleArchitectures());
        assertTrue(first.createdDate().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000"), first.createdDate());
        assertEquals(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(zip)), first.content().codeSha256());
        assertEquals(zip.length, first.content().codeSize());
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(first.content().location()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(zip, download.body());

        PublishLayerVersionResponse second = publish(lambda, "libs", zip, "python3.12");
        assertEquals(2L, second.version());
        assertEquals("", second.description());
        assertNull(second.licenseInfo());
        PublishLayerVersionResponse third = publish(lambda, "libs", zip, "nodejs22.x");

        GetLayerVersionResponse got = lambda.getLayerVersion(b -> b.layerName("libs").versionNumber(1L));
        assertEquals(first.layerVersionArn(), got.layerVersionArn());
        assertEquals(first.content().codeSha256(), got.content().codeSha256());
        assertEquals("MIT", lambda.getLayerVersion(b -> b.layerName(first.layerArn()).versionNumber(1L)).licenseInfo());
        assertEquals(2L, lambda.getLayerVersionByArn(b -> b.arn(second.layerVersionArn())).version());

        ListLayerVersionsResponse versions = lambda.listLayerVersions(b -> b.layerName("libs"));
        assertEquals(List.of(3L, 2L, 1L), versions.layerVersions().stream().map(LayerVersionsListItem::version).toList());
        assertEquals(List.of(2L, 1L), lambda.listLayerVersions(b -> b.layerName("libs").compatibleRuntime(Runtime.PYTHON3_12))
                .layerVersions().stream().map(LayerVersionsListItem::version).toList());
        ListLayerVersionsResponse page = lambda.listLayerVersions(b -> b.layerName("libs").maxItems(2));
        assertEquals(2, page.layerVersions().size());
        assertNotNull(page.nextMarker());
        assertEquals(List.of(1L), lambda.listLayerVersions(b -> b.layerName("libs").marker(page.nextMarker()))
                .layerVersions().stream().map(LayerVersionsListItem::version).toList());
        assertTrue(lambda.listLayerVersions(b -> b.layerName("never-published")).layerVersions().isEmpty());

        var listed = lambda.listLayers().layers().stream().filter(l -> l.layerName().equals("libs")).findFirst().orElseThrow();
        assertEquals(first.layerArn(), listed.layerArn());
        assertEquals(third.layerVersionArn(), listed.latestMatchingVersion().layerVersionArn());
        var python = lambda.listLayers(b -> b.compatibleRuntime(Runtime.PYTHON3_12)).layers().stream()
                .filter(l -> l.layerName().equals("libs")).findFirst().orElseThrow();
        assertEquals(2L, python.latestMatchingVersion().version());
        assertEquals(1L, lambda.listLayers(b -> b.compatibleArchitecture(Architecture.X86_64)).layers().stream()
                .filter(l -> l.layerName().equals("libs")).findFirst().orElseThrow().latestMatchingVersion().version());
        assertTrue(lambda.listLayers(b -> b.compatibleArchitecture(Architecture.ARM64)).layers().stream()
                .noneMatch(l -> l.layerName().equals("libs")));

        lambda.deleteLayerVersion(b -> b.layerName("libs").versionNumber(3L));
        lambda.deleteLayerVersion(b -> b.layerName("libs").versionNumber(3L)); // idempotent, as on AWS
        lambda.deleteLayerVersion(b -> b.layerName("never-published").versionNumber(1L));
        ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class,
                () -> lambda.getLayerVersion(b -> b.layerName("libs").versionNumber(3L)));
        assertEquals("The resource you requested does not exist.", gone.awsErrorDetails().errorMessage());
        long usedBefore = lambda.getAccountSettings().accountUsage().totalCodeSize();
        assertEquals(4L, publish(lambda, "libs", zip).version(), "version numbers are never reused");
        assertEquals(usedBefore + zip.length, lambda.getAccountSettings().accountUsage().totalCodeSize());
    }

    @Test
    void publishAndReadErrors(LambdaClient lambda) {
        byte[] zip = TestPackages.singleEntry("python/x.py", new byte[] {1});
        LambdaException badName = assertThrows(LambdaException.class, () -> publish(lambda, "bad.name", zip));
        assertEquals("ValidationException", badName.awsErrorDetails().errorCode());
        LambdaException badRuntime = assertThrows(LambdaException.class, () -> publish(lambda, "rt", zip, "cobol85"));
        assertEquals("ValidationException", badRuntime.awsErrorDetails().errorCode());
        assertTrue(badRuntime.getMessage().contains("at 'compatibleRuntimes' failed to satisfy constraint"), badRuntime.getMessage());
        InvalidParameterValueException notZip = assertThrows(InvalidParameterValueException.class,
                () -> publish(lambda, "notzip", "plain text".getBytes()));
        assertTrue(notZip.getMessage().contains("Could not unzip uploaded file"), notZip.getMessage());
        InvalidParameterValueException noSource = assertThrows(InvalidParameterValueException.class,
                () -> lambda.publishLayerVersion(b -> b.layerName("nosource").content(c -> { })));
        assertTrue(noSource.getMessage().contains("Please provide a source for layer code."), noSource.getMessage());
        InvalidParameterValueException noBucket = assertThrows(InvalidParameterValueException.class,
                () -> lambda.publishLayerVersion(b -> b.layerName("s3").content(c -> c.s3Bucket("no-such-bucket").s3Key("k.zip"))));
        assertTrue(noBucket.getMessage().contains("NoSuchBucket"), noBucket.getMessage());
        LambdaException tooBig = assertThrows(LambdaException.class, () -> publish(lambda, "big", new byte[52_428_801]));
        assertEquals(413, tooBig.statusCode(), tooBig.getMessage());
        assertEquals("RequestEntityTooLargeException", tooBig.awsErrorDetails().errorCode());
        assertEquals("Request must be smaller than 69905067 bytes for the PublishLayerVersion operation",
                tooBig.awsErrorDetails().errorMessage());
        assertTrue(lambda.listLayerVersions(b -> b.layerName("notzip")).layerVersions().isEmpty(), "a failed publish leaves nothing");

        assertThrows(ResourceNotFoundException.class, () -> lambda.getLayerVersion(b -> b.layerName("absent").versionNumber(1L)));
        assertThrows(ResourceNotFoundException.class, () -> lambda.getLayerVersionByArn(
                b -> b.arn("arn:aws:lambda:us-east-1:000000000000:layer:absent:1")));
        LambdaException badArn = assertThrows(LambdaException.class, () -> lambda.getLayerVersionByArn(
                b -> b.arn("arn:aws:lambda:us-east-1:000000000000:layer:absent")));
        assertEquals("ValidationException", badArn.awsErrorDetails().errorCode());
        InvalidParameterValueException zero = assertThrows(InvalidParameterValueException.class,
                () -> lambda.getLayerVersion(b -> b.layerName("absent").versionNumber(0L)));
        assertEquals("Layer Version Cannot be less than 1", zero.awsErrorDetails().errorMessage());
        LambdaException maxItems = assertThrows(LambdaException.class, () -> lambda.listLayers(b -> b.maxItems(51)));
        assertEquals("ValidationException", maxItems.awsErrorDetails().errorCode());
    }

    @Test
    void permissionsGrantOtherAccounts(CloudJar cloudJar, LambdaClient lambda) {
        PublishLayerVersionResponse shared = publish(lambda, "shared", shoutLayer(), "java21");
        ResourceNotFoundException noPolicy = assertThrows(ResourceNotFoundException.class,
                () -> lambda.getLayerVersionPolicy(b -> b.layerName("shared").versionNumber(1L)));
        assertEquals("No policy is associated with the given resource.", noPolicy.awsErrorDetails().errorMessage());
        try (LambdaClient friend = client(cloudJar, "111122223333"); LambdaClient stranger = client(cloudJar, "444455556666")) {
            LambdaException denied = assertThrows(LambdaException.class, () -> friend.getLayerVersionByArn(b -> b.arn(shared.layerVersionArn())));
            assertEquals(403, denied.statusCode());
            assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());

            var added = lambda.addLayerVersionPermission(b -> b.layerName("shared").versionNumber(1L).statementId("friend")
                    .action("lambda:GetLayerVersion").principal("111122223333"));
            assertEquals("{\"Sid\":\"friend\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
                    + "\"Action\":\"lambda:GetLayerVersion\",\"Resource\":\"" + shared.layerVersionArn() + "\"}", added.statement());
            assertNotNull(added.revisionId());
            var policy = lambda.getLayerVersionPolicy(b -> b.layerName("shared").versionNumber(1L));
            assertTrue(policy.policy().contains("\"Statement\":[" + added.statement() + "]"), policy.policy());
            assertEquals(added.revisionId(), policy.revisionId());
            assertThrows(ResourceConflictException.class, () -> lambda.addLayerVersionPermission(b -> b.layerName("shared")
                    .versionNumber(1L).statementId("friend").action("lambda:GetLayerVersion").principal("*")));
            LambdaException badAction = assertThrows(LambdaException.class, () -> lambda.addLayerVersionPermission(b -> b
                    .layerName("shared").versionNumber(1L).statementId("x").action("lambda:InvokeFunction").principal("*")));
            assertEquals("ValidationException", badAction.awsErrorDetails().errorCode());
            ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () -> lambda.addLayerVersionPermission(
                    b -> b.layerName("shared").versionNumber(9L).statementId("x").action("lambda:GetLayerVersion").principal("*")));
            assertEquals("Layer version " + shared.layerArn() + ":9 does not exist.", missing.awsErrorDetails().errorMessage());

            assertEquals(1L, friend.getLayerVersionByArn(b -> b.arn(shared.layerVersionArn())).version());
            var borrowed = friend.createFunction(b -> b.functionName("borrower").runtime(Runtime.JAVA21)
                    .role("arn:aws:iam::111122223333:role/r").handler(GREETER).layers(shared.layerVersionArn())
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(greeterPackage()))));
            assertEquals(shared.layerVersionArn(), borrowed.layers().get(0).arn());
            assertThrows(LambdaException.class, () -> stranger.getLayerVersion(b -> b.layerName(shared.layerArn()).versionNumber(1L)));
            LambdaException strangerFunction = assertThrows(LambdaException.class, () -> stranger.createFunction(b -> b
                    .functionName("stranger").runtime(Runtime.JAVA21).role("arn:aws:iam::444455556666:role/r").handler(GREETER)
                    .layers(shared.layerVersionArn()).code(c -> c.zipFile(SdkBytes.fromByteArray(greeterPackage())))));
            assertEquals("AccessDeniedException", strangerFunction.awsErrorDetails().errorCode());

            lambda.removeLayerVersionPermission(b -> b.layerName("shared").versionNumber(1L).statementId("friend"));
            assertThrows(LambdaException.class, () -> friend.getLayerVersionByArn(b -> b.arn(shared.layerVersionArn())));
            ResourceNotFoundException noStatement = assertThrows(ResourceNotFoundException.class, () -> lambda
                    .removeLayerVersionPermission(b -> b.layerName("shared").versionNumber(1L).statementId("friend")));
            assertEquals("Statement friend is not found in resource policy.", noStatement.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void javaFunctionLoadsItsDependenciesFromLayers(LambdaClient lambda) {
        String shout = publish(lambda, "shout", shoutLayer(), "java21").layerVersionArn();
        String whisper = publish(lambda, "whisper", whisperLayer(), "java21").layerVersionArn();

        CreateFunctionResponse created = createGreeter(lambda, "layered", shout, whisper);
        assertEquals(List.of(shout, whisper), created.layers().stream().map(l -> l.arn()).toList());
        assertEquals(shoutLayer().length, created.layers().get(0).codeSize());
        assertEquals(created.layers(), lambda.getFunction(b -> b.functionName("layered")).configuration().layers());
        assertEquals("\"HELLO ANN! (bye)\"", invoke(lambda, "layered").payload().asUtf8String());

        // without the layers the same package cannot find its dependency
        createGreeter(lambda, "unlayered");
        InvokeResponse failed = invoke(lambda, "unlayered");
        assertEquals("Unhandled", failed.functionError());
        assertTrue(failed.payload().asUtf8String().contains("Shout"), failed.payload().asUtf8String());

        // published versions keep their layers; $LATEST can drop them
        String published = lambda.publishVersion(b -> b.functionName("layered")).version();
        var dropped = lambda.updateFunctionConfiguration(b -> b.functionName("layered").layers(List.of()));
        assertTrue(dropped.layers().isEmpty());
        assertEquals("Unhandled", invoke(lambda, "layered").functionError());
        assertEquals(2, lambda.getFunctionConfiguration(b -> b.functionName("layered").qualifier(published)).layers().size());

        // a deleted layer version stays with the functions that use it
        lambda.deleteLayerVersion(b -> b.layerName("shout").versionNumber(1L));
        assertEquals("\"HELLO ANN! (bye)\"", lambda.invoke(b -> b.functionName("layered").qualifier(published)
                .payload(SdkBytes.fromUtf8String("\"ann\""))).payload().asUtf8String());
        InvalidParameterValueException deleted = assertThrows(InvalidParameterValueException.class,
                () -> lambda.updateFunctionConfiguration(b -> b.functionName("layered").layers(shout)));
        assertEquals("Layer version " + shout + " does not exist.", deleted.awsErrorDetails().errorMessage());
    }

    @Test
    void functionLayerErrors(LambdaClient lambda) throws IOException {
        String shout = publish(lambda, "shout-errors", shoutLayer()).layerVersionArn();
        String shout2 = publish(lambda, "shout-errors", shoutLayer()).layerVersionArn();
        createGreeter(lambda, "checked");
        InvalidParameterValueException missing = assertThrows(InvalidParameterValueException.class,
                () -> lambda.updateFunctionConfiguration(b -> b.functionName("checked")
                        .layers("arn:aws:lambda:us-east-1:000000000000:layer:nope:1")));
        assertEquals("Layer version arn:aws:lambda:us-east-1:000000000000:layer:nope:1 does not exist.", missing.awsErrorDetails().errorMessage());
        InvalidParameterValueException twice = assertThrows(InvalidParameterValueException.class,
                () -> lambda.updateFunctionConfiguration(b -> b.functionName("checked").layers(shout, shout2)));
        assertEquals("Two different versions of the same layer are not allowed to be referenced in the same function. "
                + shout + " and " + shout2 + " are versions of the same layer.", twice.awsErrorDetails().errorMessage());
        InvalidParameterValueException six = assertThrows(InvalidParameterValueException.class,
                () -> lambda.updateFunctionConfiguration(b -> b.functionName("checked").layers(shout, shout, shout, shout, shout, shout)));
        assertEquals("Cannot reference more than 5 layers.", six.awsErrorDetails().errorMessage());
        LambdaException unversioned = assertThrows(LambdaException.class,
                () -> lambda.updateFunctionConfiguration(b -> b.functionName("checked").layers(shout.substring(0, shout.lastIndexOf(':')))));
        assertEquals("ValidationException", unversioned.awsErrorDetails().errorCode());
        InvalidParameterValueException region = assertThrows(InvalidParameterValueException.class,
                () -> lambda.updateFunctionConfiguration(b -> b.functionName("checked").layers(shout.replace("us-east-1", "eu-west-1"))));
        assertTrue(region.getMessage().contains("Layers are not in the same region as the function"), region.getMessage());
        assertThrows(InvalidParameterValueException.class, () -> createGreeter(lambda, "never-created", shout, shout2));
        assertThrows(ResourceNotFoundException.class, () -> lambda.getFunction(b -> b.functionName("never-created")));

        // 250 MB unzipped for the function and its layers together, each layer within the quota alone
        byte[] half = zeros(131_072_001);
        String a = publish(lambda, "half-a", half).layerVersionArn();
        String b2 = publish(lambda, "half-b", half).layerVersionArn();
        InvalidParameterValueException combined = assertThrows(InvalidParameterValueException.class,
                () -> lambda.updateFunctionConfiguration(b -> b.functionName("checked").layers(a, b2)));
        long actual = 2 * 131_072_001L + TestPackages.classEntry(LayerGreeter.class).getValue().length;
        assertEquals("Function code combined with layers exceeds the maximum allowed size of 262144000 bytes. The actual size is "
                + actual + " bytes.", combined.awsErrorDetails().errorMessage());
        assertTrue(lambda.getFunctionConfiguration(b -> b.functionName("checked")).layers().isEmpty());
    }

    @Test
    void layersSurviveARestart() throws Exception {
        Path dir = Files.createTempDirectory("lambda-layers-persist");
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(dir);
        String shout;
        try (CloudJar first = CloudJar.start(config); LambdaClient lambda = CloudJarExtension.client(LambdaClient.builder(), first).build()) {
            shout = publish(lambda, "shout", shoutLayer(), "java21").layerVersionArn();
            String whisper = publish(lambda, "whisper", whisperLayer()).layerVersionArn();
            publish(lambda, "shout", shoutLayer());
            lambda.deleteLayerVersion(b -> b.layerName("shout").versionNumber(2L));
            createGreeter(lambda, "durable-layers", shout, whisper);
            lambda.addLayerVersionPermission(b -> b.layerName("shout").versionNumber(1L).statementId("all")
                    .action("lambda:GetLayerVersion").principal("*"));
            lambda.deleteLayerVersion(b -> b.layerName("whisper").versionNumber(1L)); // still used by the function
        }
        try (CloudJar second = CloudJar.start(config); LambdaClient lambda = CloudJarExtension.client(LambdaClient.builder(), second).build()) {
            assertEquals(List.of("java21"), lambda.getLayerVersionByArn(b -> b.arn(shout)).compatibleRuntimesAsStrings());
            assertTrue(lambda.getLayerVersionPolicy(b -> b.layerName("shout").versionNumber(1L)).policy().contains("\"Sid\":\"all\""));
            assertEquals(3L, publish(lambda, "shout", shoutLayer()).version());
            assertEquals("\"HELLO ANN! (bye)\"", invoke(lambda, "durable-layers").payload().asUtf8String());
        } finally {
            CodeUnpacker.delete(dir);
        }
    }

    private static InvokeResponse invoke(LambdaClient lambda, String function) {
        return lambda.invoke(b -> b.functionName(function).payload(SdkBytes.fromUtf8String("\"ann\"")));
    }

    private static LambdaClient client(CloudJar cloudJar, String account) {
        return CloudJarExtension.client(LambdaClient.builder(), cloudJar)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "secret"))).build();
    }

    /** A zip of one entry of {@code size} zero bytes: tiny zipped, large unzipped. */
    private static byte[] zeros(long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("python/zeros.bin"));
            byte[] chunk = new byte[1 << 20];
            for (long left = size; left > 0; left -= chunk.length) {
                zip.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
