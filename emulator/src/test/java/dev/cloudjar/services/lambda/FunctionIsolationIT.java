package dev.cloudjar.services.lambda;

import static dev.cloudjar.services.lambda.LambdaFunctionsIT.FIXTURES;
import static dev.cloudjar.services.lambda.LambdaFunctionsIT.create;
import static dev.cloudjar.services.lambda.LambdaFunctionsIT.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * In-process function code cannot stop CloudJar or reach its classes: handlers resolve only to the
 * function's own classes, and System.exit / Runtime.halt fail the invocation as AWS's Runtime.ExitError.
 */
@ExtendWith(CloudJarExtension.class)
class FunctionIsolationIT {

    @Test
    void handlersNamingJdkOrCloudJarClassesAreNotFound(LambdaClient lambda) {
        for (String handler : new String[] {"java.lang.System::exit", "java.lang.System::getProperties",
                "java.lang.Runtime::halt", "dev.cloudjar.CloudJar::reset",
                "dev.cloudjar.services.lambda.runtime.bridge.EventSerialization::reader",
                "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer::toJson"}) {
            String name = "escape-" + Integer.toHexString(handler.hashCode());
            create(lambda, name, handler, 3, Map.of());
            InvokeResponse response = lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("0")));
            assertEquals("Unhandled", response.functionError(), handler);
            String className = handler.substring(0, handler.indexOf("::"));
            assertEquals("{\"errorMessage\":\"Class not found: " + className + "\",\"errorType\":\"java.lang.ClassNotFoundException\"}",
                    text(response), handler);
        }
        assertAlive(lambda);
    }

    @Test
    void exitAndHaltFailTheInvocationWithRuntimeExitError(LambdaClient lambda) {
        Map<String, Integer> statuses = Map.of("exit", 3, "halt", 4, "runtimeExit", 6, "exitByReference", 5, "exitCaught", 7);
        statuses.forEach((method, status) -> {
            String name = "exits-" + method;
            create(lambda, name, FIXTURES + "Escapes::" + method, 3, Map.of());
            InvokeResponse response = lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("\"x\"")));
            assertEquals("Unhandled", response.functionError(), method);
            String body = text(response);
            assertTrue(body.contains("\"errorType\":\"Runtime.ExitError\""), body);
            assertTrue(body.contains("Error: Runtime exited with error: exit status " + status), body);
            assertTrue(body.contains("RequestId: " + response.responseMetadata().requestId())
                    || body.matches(".*RequestId: [0-9a-f-]{36} .*"), body);
        });
        assertAlive(lambda);
        // the exited environment was discarded: the next invocation starts a fresh one and exits again
        InvokeResponse again = lambda.invoke(b -> b.functionName("exits-exit").payload(SdkBytes.fromUtf8String("\"x\"")));
        assertTrue(text(again).contains("exit status 3"), text(again));
    }

    @Test
    void exitDuringClassInitialisationFailsTheInvocation(LambdaClient lambda) {
        create(lambda, "exit-on-load", FIXTURES + "Escapes$ExitOnLoad", 3, Map.of());
        InvokeResponse response = lambda.invoke(b -> b.functionName("exit-on-load").payload(SdkBytes.fromUtf8String("\"x\"")));
        assertEquals("Unhandled", response.functionError());
        assertTrue(text(response).contains("exit status 9"), text(response));
        assertAlive(lambda);
    }

    @Test
    void theSystemClassLoaderDoesNotShowCloudJarsClasses(LambdaClient lambda) {
        create(lambda, "system-loader", FIXTURES + "Escapes::systemLoader", 3, Map.of());
        InvokeResponse response = lambda.invoke(b -> b.functionName("system-loader").payload(SdkBytes.fromUtf8String("\"x\"")));
        assertEquals(null, response.functionError(), text(response));
        assertEquals("\"hidden\"", text(response));
    }

    private static void assertAlive(LambdaClient lambda) {
        create(lambda, "alive-" + System.nanoTime(), FIXTURES + "EchoHandler", 3, Map.of());
        assertFalse(lambda.listFunctions().functions().isEmpty(), "CloudJar still answers");
    }
}
