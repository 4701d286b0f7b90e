package dev.cloudjar.launch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The Java function {@link CdsTraining} creates and invokes (its class file, packed into a zip at
 * training time, is the function's code), so that the archive holds what a first Invoke of a new Java
 * function loads: code checks and unpacking, the function class loader, the handler's type
 * resolution, event and result serialization, log capture.
 */
public final class TrainingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        context.getLogger().log("training");
        return input;
    }
}
