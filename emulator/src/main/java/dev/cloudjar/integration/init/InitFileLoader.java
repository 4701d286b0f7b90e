package dev.cloudjar.integration.init;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.integration.init.InitFile.BucketSpec;
import dev.cloudjar.integration.init.InitFile.FunctionSpec;
import dev.cloudjar.integration.init.InitFile.MappingSpec;
import dev.cloudjar.integration.init.InitFile.NotificationSpec;
import dev.cloudjar.integration.init.InitFile.QueueSpec;
import dev.cloudjar.integration.init.InitFile.SubscriptionSpec;
import dev.cloudjar.integration.init.InitFile.TableSpec;
import dev.cloudjar.integration.init.InitFile.TopicSpec;
import dev.cloudjar.services.dynamodb.DynamoDbBackend;
import dev.cloudjar.services.lambda.LambdaBackend;
import dev.cloudjar.services.lambda.esm.MappingInput;
import dev.cloudjar.services.lambda.model.CodeInput;
import dev.cloudjar.services.lambda.model.FunctionConfig;
import dev.cloudjar.services.lambda.model.FunctionSettings;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.model.NotificationConfiguration;
import dev.cloudjar.services.s3.model.NotificationConfiguration.FilterRule;
import dev.cloudjar.services.s3.model.NotificationConfiguration.NotificationTarget;
import dev.cloudjar.services.sns.OutboxMessage;
import dev.cloudjar.services.sns.SnsBackend;
import dev.cloudjar.services.sns.SubscribeRequest;
import dev.cloudjar.services.sns.SubscriptionSummary;
import dev.cloudjar.services.sqs.SqsBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an {@link InitFile} through the backends' public methods, in dependency order: queues,
 * topics, tables, functions, then what connects them (subscriptions, event source mappings, buckets
 * and their notifications). Idempotent, so a restart with {@code --data-dir} and the same file works:
 * an existing queue, topic, table, bucket, subscription or mapping is left as it is; an existing function
 * takes the file's configuration, and its code when the file's code differs; a bucket's notification
 * configuration is set to the file's.
 */
public final class InitFileLoader {
    private static final Logger LOG = LoggerFactory.getLogger(InitFileLoader.class);
    private static final Pattern CONFIRMATION_TOKEN = Pattern.compile("Action=ConfirmSubscription&TopicArn=[^&\\s]+&Token=([0-9a-fA-F]+)");

    /** How the loader reaches a backend; {@code CloudJar::backend} fits. */
    @FunctionalInterface
    public interface Backends {
        <T> T get(Class<T> type);
    }

    private final Backends backends;
    private final Scope scope;
    private final String endpoint;

    public InitFileLoader(Backends backends, Scope scope, String endpoint) {
        this.backends = backends;
        this.scope = scope;
        this.endpoint = endpoint;
    }

    /** Reads, checks and applies the file; throws {@link InitFileException} naming the entry at fault. */
    public void load(Path file) {
        InitFile init = InitFile.read(file);
        apply(init);
        LOG.info("init file {}: {} queues, {} topics, {} tables, {} functions, {} event source mappings, {} buckets ready",
                file, init.queues().size(), init.topics().size(), init.tables().size(), init.functions().size(),
                init.eventSourceMappings().size(), init.buckets().size());
    }

    public void apply(InitFile init) {
        init.queues().forEach(q -> step(init, q.where(), () -> queue(q)));
        init.topics().forEach(t -> step(init, t.where(), () -> topic(t)));
        init.tables().forEach(t -> step(init, t.where(), () -> table(t)));
        init.functions().forEach(f -> step(init, f.where(), () -> function(f)));
        for (TopicSpec topic : init.topics()) {
            String topicArn = arn("sns", topic.name());
            topic.subscriptions().forEach(s -> step(init, s.where(), () -> subscription(topicArn, s)));
        }
        init.eventSourceMappings().forEach(m -> step(init, m.where(), () -> mapping(m)));
        init.buckets().forEach(b -> step(init, b.where(), () -> bucket(b)));
    }

    /** Runs one entry's work; a service's refusal becomes an error naming the entry. */
    private static void step(InitFile init, String where, Runnable work) {
        try {
            work.run();
        } catch (AwsException e) {
            throw new InitFileException("init file " + init.source() + ": " + where + ": " + e.code() + ": " + e.getMessage());
        } catch (EntryProblem e) {
            throw new InitFileException("init file " + init.source() + ": " + where + ": " + e.getMessage());
        }
    }

    /** What is wrong with the entry being applied; {@link #step} adds the file and the entry. */
    static final class EntryProblem extends RuntimeException {
        EntryProblem(String message) {
            super(message);
        }
    }

    private void queue(QueueSpec q) {
        SqsBackend sqs = backends.get(SqsBackend.class);
        if (exists(() -> sqs.getQueueUrl(scope, q.name(), null))) {
            return;
        }
        sqs.createQueue(scope, q.name(), q.attributes(), Map.of());
        LOG.info("init: created queue {}", q.name());
    }

    private void topic(TopicSpec t) {
        SnsBackend sns = backends.get(SnsBackend.class);
        if (exists(() -> sns.getTopicAttributes(scope, arn("sns", t.name())))) {
            return;
        }
        sns.createTopic(scope, t.name(), t.attributes(), List.of());
        LOG.info("init: created topic {}", t.name());
    }

    private void table(TableSpec t) {
        DynamoDbBackend dynamo = backends.get(DynamoDbBackend.class);
        if (exists(() -> dynamo.describeTable(scope, t.name()))) {
            return;
        }
        dynamo.createTable(scope, TableRequests.create(t));
        LOG.info("init: created table {}", t.name());
    }

    private void function(FunctionSpec f) {
        LambdaBackend lambda = backends.get(LambdaBackend.class);
        byte[] code = read(f);
        String role = f.role() != null ? f.role() : "arn:aws:iam::" + scope.account() + ":role/cloudjar-init";
        FunctionSettings settings = new FunctionSettings(f.runtime(), role, f.handler(), f.description(), f.timeout(), f.memorySize(),
                f.environment().isEmpty() ? null : f.environment(), null, null, null, null);
        FunctionConfig existing = find(() -> lambda.getFunctionConfiguration(scope, f.name(), null));
        if (existing == null) {
            lambda.createFunction(scope, f.name(), settings, new CodeInput(code, null, null, null), false, Map.of());
            LOG.info("init: created function {} ({})", f.name(), f.code());
            return;
        }
        lambda.updateFunctionConfiguration(scope, f.name(), settings, null);
        if (!sha256(code).equals(existing.codeSha256())) {
            lambda.updateFunctionCode(scope, f.name(), new CodeInput(code, null, null, null), false, null);
            LOG.info("init: updated the code of function {} ({})", f.name(), f.code());
        }
    }

    private void subscription(String topicArn, SubscriptionSpec s) {
        SnsBackend sns = backends.get(SnsBackend.class);
        String endpointValue = switch (s.protocol()) {
            case "sqs" -> reference("sqs", s.endpoint());
            case "lambda" -> reference("lambda", "function:", s.endpoint());
            default -> s.endpoint();
        };
        for (SubscriptionSummary existing : subscriptionsOf(sns, topicArn)) {
            if (existing.protocol().equals(s.protocol()) && existing.endpoint().equals(endpointValue)) {
                boolean pending = "PendingConfirmation".equals(existing.subscriptionArn());
                if (!pending || !s.confirm()) {
                    return;
                }
                // The token of an old confirmation mail is not at hand (the outbox is not kept): start over.
                String arn = sns.subscribe(scope, new SubscribeRequest(topicArn, s.protocol(), endpointValue, Map.of(), true, endpoint));
                sns.unsubscribe(scope, arn, endpoint);
            }
        }
        String arn = sns.subscribe(scope, new SubscribeRequest(topicArn, s.protocol(), endpointValue, s.attributes(), true, endpoint));
        LOG.info("init: subscribed {} {} to {}", s.protocol(), endpointValue, topicArn);
        if (s.confirm()) {
            sns.confirmSubscription(scope, topicArn, confirmationToken(sns, arn, s), null);
        }
    }

    /** The token of the confirmation mail SNS just put in the outbox for this subscription. */
    private String confirmationToken(SnsBackend sns, String subscriptionArn, SubscriptionSpec s) {
        List<OutboxMessage> outbox = sns.outbox();
        for (int i = outbox.size() - 1; i >= 0; i--) {
            if (subscriptionArn.equals(outbox.get(i).subscriptionArn())) {
                Matcher m = CONFIRMATION_TOKEN.matcher(outbox.get(i).body());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new EntryProblem("no confirmation message was sent for " + s.endpoint());
    }

    private List<SubscriptionSummary> subscriptionsOf(SnsBackend sns, String topicArn) {
        List<SubscriptionSummary> all = new ArrayList<>();
        String token = null;
        do {
            var page = sns.listSubscriptionsByTopic(scope, topicArn, token);
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    private void mapping(MappingSpec m) {
        LambdaBackend lambda = backends.get(LambdaBackend.class);
        String source = m.eventSourceArn();
        if (m.queue() != null) {
            source = reference("sqs", m.queue());
        } else if (m.table() != null) {
            source = backends.get(DynamoDbBackend.class).describeTable(scope, m.table()).latestStreamArn();
            if (source == null) {
                throw new EntryProblem("table " + m.table() + " has no stream (give it \"stream\")");
            }
        }
        if (!lambda.mappings().list(scope, m.function(), source).isEmpty()) {
            return;
        }
        lambda.mappings().create(scope, new MappingInput(m.function(), source, m.enabled(), m.batchSize(),
                m.maximumBatchingWindowInSeconds(), m.startingPosition(), null, null, null, null, null, null,
                m.functionResponseTypes().isEmpty() ? null : m.functionResponseTypes(), null, null));
        LOG.info("init: mapped {} to function {}", source, m.function());
    }

    private void bucket(BucketSpec b) {
        S3Backend s3 = backends.get(S3Backend.class);
        if (!exists(() -> s3.headBucket(b.name()))) {
            s3.createBucket(scope, b.name(), "us-east-1".equals(scope.region()) ? null : scope.region());
            LOG.info("init: created bucket {}", b.name());
        }
        if (b.notifications().isEmpty()) {
            return;
        }
        List<NotificationTarget> queues = new ArrayList<>();
        List<NotificationTarget> topics = new ArrayList<>();
        List<NotificationTarget> functions = new ArrayList<>();
        for (NotificationSpec n : b.notifications()) {
            List<FilterRule> rules = new ArrayList<>();
            if (n.prefix() != null) {
                rules.add(new FilterRule("Prefix", n.prefix()));
            }
            if (n.suffix() != null) {
                rules.add(new FilterRule("Suffix", n.suffix()));
            }
            if (n.function() != null) {
                functions.add(new NotificationTarget(n.id(), reference("lambda", "function:", n.function()), n.events(), rules));
            } else if (n.queue() != null) {
                queues.add(new NotificationTarget(n.id(), reference("sqs", n.queue()), n.events(), rules));
            } else {
                topics.add(new NotificationTarget(n.id(), reference("sns", n.topic()), n.events(), rules));
            }
        }
        s3.putBucketNotificationConfiguration(b.name(), new NotificationConfiguration(queues, topics, functions, false));
    }

    private String arn(String service, String resource) {
        return Arn.of(service, scope, resource).toString();
    }

    private String reference(String service, String nameOrArn) {
        return reference(service, "", nameOrArn);
    }

    /** A name of this account and region becomes its ARN; an ARN stays as it is. */
    private String reference(String service, String resourcePrefix, String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn : arn(service, resourcePrefix + nameOrArn);
    }

    private static byte[] read(FunctionSpec f) {
        try {
            return Files.readAllBytes(f.code());
        } catch (IOException e) {
            throw new EntryProblem("cannot read " + f.code() + ": " + e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Lookup<T> {
        T get();
    }

    /** The resource, or null when the service answers that it does not exist. */
    private static <T> T find(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (AwsException e) {
            if (e.status() == 404 || e.code().contains("NotFound") || e.code().contains("NonExistent") || e.code().contains("DoesNotExist") || e.code().startsWith("NoSuch")) {
                return null;
            }
            throw e;
        }
    }

    private static boolean exists(Lookup<?> lookup) {
        return find(lookup) != null;
    }
}
