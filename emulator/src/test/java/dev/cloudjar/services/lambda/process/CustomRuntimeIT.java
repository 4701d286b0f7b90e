package dev.cloudjar.services.lambda.process;

import static dev.cloudjar.services.lambda.process.ProcessFunctions.create;
import static dev.cloudjar.services.lambda.process.ProcessFunctions.invoke;
import static dev.cloudjar.services.lambda.process.ProcessFunctions.log;
import static dev.cloudjar.services.lambda.process.ProcessFunctions.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.testing.CloudJarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** provided.al2023 / provided.al2: the zip's own bootstrap talks to the Runtime API. */
@ExtendWith(CloudJarExtension.class)
class CustomRuntimeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A custom runtime as a tutorial writes one: a loop over next, response and error, with urllib only. */
    static final String BOOTSTRAP = """
            #!/usr/bin/env python3
            import json, os, urllib.request
            api = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime/invocation/"
            print("custom runtime up, handler", os.environ["_HANDLER"], flush=True)
            while True:
                with urllib.request.urlopen(api + "next") as r:
                    request_id = r.headers["Lambda-Runtime-Aws-Request-Id"]
                    deadline = r.headers["Lambda-Runtime-Deadline-Ms"]
                    arn = r.headers["Lambda-Runtime-Invoked-Function-Arn"]
                    trace = r.headers["Lambda-Runtime-Trace-Id"]
                    event = json.loads(r.read())
                print("handling", request_id, flush=True)
                if event.get("fail"):
                    body = json.dumps({"errorMessage": "asked to fail", "errorType": "CustomError"}).encode()
                    req = urllib.request.Request(api + request_id + "/error", data=body, method="POST",
                                                 headers={"Lambda-Runtime-Function-Error-Type": "CustomError"})
                else:
                    body = json.dumps({"echo": event, "deadline": deadline, "arn": arn, "trace": trace,
                                       "cwd": os.getcwd(), "task": os.environ["LAMBDA_TASK_ROOT"]}).encode()
                    req = urllib.request.Request(api + request_id + "/response", data=body, method="POST")
                urllib.request.urlopen(req).read()
            """;

    @Test
    void bootstrapExecutableServesInvocations(LambdaClient lambda) throws Exception {
        create(lambda, "custom-al2023", "provided.al2023", "function.handler", zip("bootstrap", BOOTSTRAP), 5);
        long before = System.currentTimeMillis();
        InvokeResponse response = invoke(lambda, "custom-al2023", "{\"hello\":\"world\"}");
        assertNull(response.functionError(), response.payload().asUtf8String());
        JsonNode out = JSON.readTree(response.payload().asUtf8String());
        assertEquals("world", out.get("echo").get("hello").asText());
        long deadline = out.get("deadline").asLong();
        assertTrue(deadline >= before + 4000 && deadline <= System.currentTimeMillis() + 5000, out.toString());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:custom-al2023", out.get("arn").asText());
        assertTrue(out.get("trace").asText().matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0"), out.toString());
        assertEquals(out.get("task").asText(), out.get("cwd").asText());
        assertTrue(log(response).contains("custom runtime up, handler function.handler"), log(response));

        InvokeResponse failed = invoke(lambda, "custom-al2023", "{\"fail\":true}");
        assertEquals("Unhandled", failed.functionError());
        // the runtime's error document comes back as it posted it
        assertEquals("{\"errorMessage\": \"asked to fail\", \"errorType\": \"CustomError\"}", failed.payload().asUtf8String());
    }

    @Test
    void al2RuntimeAndMissingBootstrap(LambdaClient lambda) throws Exception {
        create(lambda, "custom-al2", "provided.al2", "x", zip("bootstrap", BOOTSTRAP), 5);
        assertEquals("{}", JSON.readTree(invoke(lambda, "custom-al2", "{}").payload().asUtf8String()).get("echo").toString());

        create(lambda, "custom-none", "provided.al2023", "x", zip("readme.txt", "no bootstrap here"), 5);
        InvokeResponse response = invoke(lambda, "custom-none", "{}");
        assertEquals("Unhandled", response.functionError());
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        assertEquals("Runtime.InvalidEntrypoint", error.get("errorType").asText());
        assertTrue(error.get("errorMessage").asText().contains("Couldn't find valid bootstrap(s)"), error.toString());
    }
}
