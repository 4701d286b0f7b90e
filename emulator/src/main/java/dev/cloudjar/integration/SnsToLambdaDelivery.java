package dev.cloudjar.integration;

import dev.cloudjar.services.lambda.LambdaBackend;
import dev.cloudjar.services.sns.SnsDelivery;
import dev.cloudjar.services.sns.SnsDeliveryTransport;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * SNS's {@code lambda} transport: the prepared SNS event ({@code Records[].Sns}) is invoked
 * asynchronously, as SNS invokes functions on AWS; Lambda's async queue owns retries.
 */
public final class SnsToLambdaDelivery implements SnsDeliveryTransport {
    private final Supplier<LambdaBackend> lambda;

    public SnsToLambdaDelivery(Supplier<LambdaBackend> lambda) {
        this.lambda = lambda;
    }

    @Override
    public void deliver(SnsDelivery delivery) {
        lambda.get().invokeAsync(delivery.scope(), delivery.endpoint(), delivery.body().getBytes(StandardCharsets.UTF_8));
    }
}
