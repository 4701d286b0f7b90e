package dev.cloudjar.services.lambda;

import dev.cloudjar.core.Scope;
import dev.cloudjar.services.lambda.invoke.AsyncEvent;
import dev.cloudjar.services.lambda.invoke.AsyncTarget;
import dev.cloudjar.services.lambda.model.EventInvokeConfig;
import dev.cloudjar.services.lambda.runtime.InvocationResult;
import java.util.Map;

/** The asynchronous queue's view of the backend: run an event, its settings, its destinations. */
final class BackendAsyncTarget implements AsyncTarget {
    private final LambdaBackend backend;

    BackendAsyncTarget(LambdaBackend backend) {
        this.backend = backend;
    }

    @Override
    public InvocationResult invoke(AsyncEvent event) {
        FunctionRef ref = new FunctionRef(event.scope(), event.functionName(), event.qualifier());
        return backend.run(ref, backend.functions.config(ref), event.payload(), event.requestId());
    }

    @Override
    public String functionArn(AsyncEvent event) {
        FunctionRef ref = new FunctionRef(event.scope(), event.functionName(), event.qualifier());
        return ref.unqualifiedArn() + ":" + (event.qualifier() == null ? Functions.LATEST : event.qualifier());
    }

    @Override
    public EventInvokeConfig eventInvokeConfig(AsyncEvent event) {
        return backend.eventInvokeConfigs.effective(new FunctionRef(event.scope(), event.functionName(), event.qualifier()));
    }

    @Override
    public String deadLetterTarget(AsyncEvent event) {
        try {
            return backend.functions.config(new FunctionRef(event.scope(), event.functionName(), event.qualifier())).deadLetterTarget();
        } catch (RuntimeException gone) {
            return null;
        }
    }

    @Override
    public void deliver(Scope scope, String targetArn, String body, Map<String, String> attributes) {
        backend.deliver(scope, targetArn, body, attributes);
    }
}
