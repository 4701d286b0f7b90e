package dev.cloudjar.services.lambda.process;

import dev.cloudjar.services.lambda.TestPackages;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/** Deploys and invokes Python, Node.js and custom-runtime functions made of source text, for the process-runtime ITs. */
final class ProcessFunctions {
    static final String ROLE = "arn:aws:iam::000000000000:role/lambda-role";

    private ProcessFunctions() {
    }

    /** A zip of text files: name, content, name, content... */
    static byte[] zip(String... nameThenContent) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            entries.put(nameThenContent[i], nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return TestPackages.zip(entries);
    }

    static void create(LambdaClient lambda, String name, String runtime, String handler, byte[] zip, int timeout) {
        create(lambda, CreateFunctionRequest.builder().functionName(name).runtime(runtime).handler(handler).timeout(timeout)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))).build());
    }

    static void create(LambdaClient lambda, CreateFunctionRequest request) {
        lambda.createFunction(request.toBuilder().role(ROLE).build());
    }

    static InvokeResponse invoke(LambdaClient lambda, String name, String payload) {
        return lambda.invoke(b -> b.functionName(name).logType(LogType.TAIL).payload(SdkBytes.fromUtf8String(payload)));
    }

    static String log(InvokeResponse response) {
        return new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
    }
}
