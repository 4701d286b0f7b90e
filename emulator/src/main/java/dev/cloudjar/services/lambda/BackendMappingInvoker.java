package dev.cloudjar.services.lambda;

import dev.cloudjar.core.Scope;
import dev.cloudjar.services.lambda.esm.MappingInvoker;
import dev.cloudjar.services.lambda.runtime.InvocationResult;
import java.util.Map;

/** The event source mappings' view of the backend: function lookup, synchronous invoke, destinations. */
final class BackendMappingInvoker implements MappingInvoker {
    private final LambdaBackend backend;

    BackendMappingInvoker(LambdaBackend backend) {
        this.backend = backend;
    }

    @Override
    public String functionArn(Scope scope, String functionName) {
        if (functionName == null) {
            throw LambdaErrors.invalid("FunctionName is required.");
        }
        FunctionRef ref = FunctionRef.parse(scope, functionName, null);
        try {
            backend.functions.config(ref);
        } catch (dev.cloudjar.core.AwsException e) {
            throw LambdaErrors.notFound("Function does not exist");
        }
        return ref.arn();
    }

    @Override
    public InvocationResult invoke(Scope scope, String functionArn, byte[] payload) {
        return backend.invokeSync(scope, functionArn, payload);
    }

    @Override
    public void deliver(Scope scope, String targetArn, String body) {
        backend.deliver(scope, targetArn, body, Map.of());
    }
}
