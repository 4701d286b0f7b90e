package dev.cloudjar.integration;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.lambda.LambdaBackend;
import dev.cloudjar.services.s3.NotificationDestinations;
import dev.cloudjar.services.sns.SnsBackend;
import dev.cloudjar.services.sqs.SqsBackend;
import java.util.List;
import java.util.function.Supplier;

/** Answers S3's "does this destination exist?" with AWS's reason texts. */
final class S3NotificationDestinations implements NotificationDestinations {
    private final Supplier<SqsBackend> sqs;
    private final Supplier<SnsBackend> sns;
    private final Supplier<LambdaBackend> lambda;

    S3NotificationDestinations(Supplier<SqsBackend> sqs, Supplier<SnsBackend> sns, Supplier<LambdaBackend> lambda) {
        this.sqs = sqs;
        this.sns = sns;
        this.lambda = lambda;
    }

    @Override
    public String problemWith(String arnText) {
        Arn arn = Arn.parseOrNull(arnText);
        if (arn == null) {
            return null;
        }
        try {
            switch (arn.service()) {
                case "sqs" -> sqs.get().getQueueAttributes(arn.scope(), arnText, List.of("QueueArn"));
                case "sns" -> sns.get().getTopicAttributes(arn.scope(), arnText);
                case "lambda" -> lambda.get().getFunctionConfiguration(arn.scope(), arnText, null);
                default -> {
                    return null;
                }
            }
            return null;
        } catch (AwsException missing) {
            return switch (arn.service()) {
                case "sqs" -> "The destination queue does not exist";
                case "sns" -> "The destination topic does not exist";
                default -> "The destination Lambda does not exist";
            };
        }
    }
}
