package dev.cloudjar.services.lambda;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Arn;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.lambda.model.EventInvokeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Put/Get/Update/Delete/List FunctionEventInvokeConfig: retries, event age and destinations per qualifier. */
final class EventInvokeConfigs {
    private final ServiceContext ctx;
    private final Functions functions;
    private final PersistentMap<EventInvokeConfig> configs;

    EventInvokeConfigs(ServiceContext ctx, Functions functions) {
        this.ctx = ctx;
        this.functions = functions;
        this.configs = ctx.store().map("lambda.eventInvokeConfigs", EventInvokeConfig.class);
    }

    private static String key(FunctionRef ref) {
        String q = ref.qualifier() == null ? Functions.LATEST : ref.qualifier();
        return KeyRanges.compose(ref.scope().account(), ref.scope().region(), ref.name(), q);
    }

    EventInvokeConfig put(FunctionRef ref, Integer retries, Integer maxAge, String onSuccess, String onFailure, boolean merge) {
        functions.config(ref);
        if (retries != null && (retries < 0 || retries > 2)) {
            throw LambdaErrors.validation(retries.toString(), "maximumRetryAttempts", "Member must have value less than or equal to 2");
        }
        if (maxAge != null && (maxAge < 60 || maxAge > 21600)) {
            throw LambdaErrors.validation(maxAge.toString(), "maximumEventAgeInSeconds",
                    maxAge < 60 ? "Member must have value greater than or equal to 60" : "Member must have value less than or equal to 21600");
        }
        checkDestination(onSuccess);
        checkDestination(onFailure);
        EventInvokeConfig current = merge ? get(ref) : null;
        EventInvokeConfig next = new EventInvokeConfig(ref.qualifier(),
                retries != null || current == null ? retries : current.maximumRetryAttempts(),
                maxAge != null || current == null ? maxAge : current.maximumEventAgeInSeconds(),
                onSuccess != null || current == null ? onSuccess : current.onSuccess(),
                onFailure != null || current == null ? onFailure : current.onFailure(),
                ctx.clock().millis() / 1000.0);
        configs.put(key(ref), next);
        return next;
    }

    private static void checkDestination(String arn) {
        if (arn == null) {
            return;
        }
        Arn parsed = Arn.parseOrNull(arn);
        if (parsed == null || !List.of("sqs", "sns", "lambda", "events").contains(parsed.service())) {
            throw LambdaErrors.invalid("The destination ARN " + arn + " is invalid.");
        }
    }

    EventInvokeConfig get(FunctionRef ref) {
        functions.config(ref);
        EventInvokeConfig config = configs.get(key(ref));
        if (config == null) {
            throw LambdaErrors.notFound("The function " + ref.arn() + " doesn't have an EventInvokeConfig");
        }
        return config;
    }

    /** The config in force, or AWS's defaults; used by the async queue. */
    EventInvokeConfig effective(FunctionRef ref) {
        EventInvokeConfig config = configs.get(key(ref));
        return config == null ? new EventInvokeConfig(ref.qualifier(), null, null, null, null, 0) : config;
    }

    void delete(FunctionRef ref) {
        get(ref);
        configs.remove(key(ref));
    }

    List<EventInvokeConfig> list(FunctionRef ref) {
        functions.record(ref);
        String prefix = KeyRanges.compose(ref.scope().account(), ref.scope().region(), ref.name()) + KeyRanges.SEPARATOR;
        List<EventInvokeConfig> out = new ArrayList<>();
        for (Map.Entry<String, EventInvokeConfig> e : configs.prefix(prefix)) {
            out.add(e.getValue());
        }
        return out;
    }

    void deleteAll(FunctionRef ref) {
        String prefix = KeyRanges.compose(ref.scope().account(), ref.scope().region(), ref.name()) + KeyRanges.SEPARATOR;
        List<String> keys = new ArrayList<>();
        configs.keys(prefix, KeyRanges.prefixEnd(prefix)).forEach(keys::add);
        keys.forEach(configs::remove);
    }
}
