package dev.cloudjar.integration;

import dev.cloudjar.core.Scope;
import dev.cloudjar.services.apigateway.model.LambdaProxy;
import dev.cloudjar.services.lambda.LambdaBackend;
import dev.cloudjar.services.lambda.runtime.InvocationResult;
import java.util.function.Supplier;

/** API Gateway's Lambda integrations: a synchronous invocation of the function the integration URI names. */
public final class ApiGatewayToLambda implements LambdaProxy {
    private final Supplier<LambdaBackend> lambda;

    public ApiGatewayToLambda(Supplier<LambdaBackend> lambda) {
        this.lambda = lambda;
    }

    @Override
    public Result invoke(Scope scope, String function, byte[] payload) {
        InvocationResult result = lambda.get().invokeSync(scope, function, payload);
        return new Result(result.payload(), result.functionError() != null);
    }
}
